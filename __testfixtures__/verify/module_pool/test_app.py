from app import main


def test_main():
    assert main() in (None, 0)
