# -*- coding: utf-8 -*-
"""Données: ünïcödé, 日本語, emoji 😀 before the call."""
import multiprocessing as mp

GRÜSSE = "héllo 😀"


def travail(x):
    return f"{GRÜSSE} {x} — fin"


def lancer():
    with mp.get_context("spawn").Pool(2) as pool:  # commentaire: ça marche
        return pool.map(travail, ["été", "hiver"])
