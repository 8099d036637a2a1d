"""A large module: more than 32 KB, so the parser buffer must grow."""
import multiprocessing as mp


def helper_0(x):
    """Helper number 0."""
    return x + 0


def helper_1(x):
    """Helper number 1."""
    return x + 1


def helper_2(x):
    """Helper number 2."""
    return x + 2


def helper_3(x):
    """Helper number 3."""
    return x + 3


def helper_4(x):
    """Helper number 4."""
    return x + 4


def helper_5(x):
    """Helper number 5."""
    return x + 5


def helper_6(x):
    """Helper number 6."""
    return x + 6


def helper_7(x):
    """Helper number 7."""
    return x + 7


def helper_8(x):
    """Helper number 8."""
    return x + 8


def helper_9(x):
    """Helper number 9."""
    return x + 9


def helper_10(x):
    """Helper number 10."""
    return x + 10


def helper_11(x):
    """Helper number 11."""
    return x + 11


def helper_12(x):
    """Helper number 12."""
    return x + 12


def helper_13(x):
    """Helper number 13."""
    return x + 13


def helper_14(x):
    """Helper number 14."""
    return x + 14


def helper_15(x):
    """Helper number 15."""
    return x + 15


def helper_16(x):
    """Helper number 16."""
    return x + 16


def helper_17(x):
    """Helper number 17."""
    return x + 17


def helper_18(x):
    """Helper number 18."""
    return x + 18


def helper_19(x):
    """Helper number 19."""
    return x + 19


def helper_20(x):
    """Helper number 20."""
    return x + 20


def helper_21(x):
    """Helper number 21."""
    return x + 21


def helper_22(x):
    """Helper number 22."""
    return x + 22


def helper_23(x):
    """Helper number 23."""
    return x + 23


def helper_24(x):
    """Helper number 24."""
    return x + 24


def helper_25(x):
    """Helper number 25."""
    return x + 25


def helper_26(x):
    """Helper number 26."""
    return x + 26


def helper_27(x):
    """Helper number 27."""
    return x + 27


def helper_28(x):
    """Helper number 28."""
    return x + 28


def helper_29(x):
    """Helper number 29."""
    return x + 29


def helper_30(x):
    """Helper number 30."""
    return x + 30


def helper_31(x):
    """Helper number 31."""
    return x + 31


def helper_32(x):
    """Helper number 32."""
    return x + 32


def helper_33(x):
    """Helper number 33."""
    return x + 33


def helper_34(x):
    """Helper number 34."""
    return x + 34


def helper_35(x):
    """Helper number 35."""
    return x + 35


def helper_36(x):
    """Helper number 36."""
    return x + 36


def helper_37(x):
    """Helper number 37."""
    return x + 37


def helper_38(x):
    """Helper number 38."""
    return x + 38


def helper_39(x):
    """Helper number 39."""
    return x + 39


def helper_40(x):
    """Helper number 40."""
    return x + 40


def helper_41(x):
    """Helper number 41."""
    return x + 41


def helper_42(x):
    """Helper number 42."""
    return x + 42


def helper_43(x):
    """Helper number 43."""
    return x + 43


def helper_44(x):
    """Helper number 44."""
    return x + 44


def helper_45(x):
    """Helper number 45."""
    return x + 45


def helper_46(x):
    """Helper number 46."""
    return x + 46


def helper_47(x):
    """Helper number 47."""
    return x + 47


def helper_48(x):
    """Helper number 48."""
    return x + 48


def helper_49(x):
    """Helper number 49."""
    return x + 49


def helper_50(x):
    """Helper number 50."""
    return x + 50


def helper_51(x):
    """Helper number 51."""
    return x + 51


def helper_52(x):
    """Helper number 52."""
    return x + 52


def helper_53(x):
    """Helper number 53."""
    return x + 53


def helper_54(x):
    """Helper number 54."""
    return x + 54


def helper_55(x):
    """Helper number 55."""
    return x + 55


def helper_56(x):
    """Helper number 56."""
    return x + 56


def helper_57(x):
    """Helper number 57."""
    return x + 57


def helper_58(x):
    """Helper number 58."""
    return x + 58


def helper_59(x):
    """Helper number 59."""
    return x + 59


def helper_60(x):
    """Helper number 60."""
    return x + 60


def helper_61(x):
    """Helper number 61."""
    return x + 61


def helper_62(x):
    """Helper number 62."""
    return x + 62


def helper_63(x):
    """Helper number 63."""
    return x + 63


def helper_64(x):
    """Helper number 64."""
    return x + 64


def helper_65(x):
    """Helper number 65."""
    return x + 65


def helper_66(x):
    """Helper number 66."""
    return x + 66


def helper_67(x):
    """Helper number 67."""
    return x + 67


def helper_68(x):
    """Helper number 68."""
    return x + 68


def helper_69(x):
    """Helper number 69."""
    return x + 69


def helper_70(x):
    """Helper number 70."""
    return x + 70


def helper_71(x):
    """Helper number 71."""
    return x + 71


def helper_72(x):
    """Helper number 72."""
    return x + 72


def helper_73(x):
    """Helper number 73."""
    return x + 73


def helper_74(x):
    """Helper number 74."""
    return x + 74


def helper_75(x):
    """Helper number 75."""
    return x + 75


def helper_76(x):
    """Helper number 76."""
    return x + 76


def helper_77(x):
    """Helper number 77."""
    return x + 77


def helper_78(x):
    """Helper number 78."""
    return x + 78


def helper_79(x):
    """Helper number 79."""
    return x + 79


def helper_80(x):
    """Helper number 80."""
    return x + 80


def helper_81(x):
    """Helper number 81."""
    return x + 81


def helper_82(x):
    """Helper number 82."""
    return x + 82


def helper_83(x):
    """Helper number 83."""
    return x + 83


def helper_84(x):
    """Helper number 84."""
    return x + 84


def helper_85(x):
    """Helper number 85."""
    return x + 85


def helper_86(x):
    """Helper number 86."""
    return x + 86


def helper_87(x):
    """Helper number 87."""
    return x + 87


def helper_88(x):
    """Helper number 88."""
    return x + 88


def helper_89(x):
    """Helper number 89."""
    return x + 89


def helper_90(x):
    """Helper number 90."""
    return x + 90


def helper_91(x):
    """Helper number 91."""
    return x + 91


def helper_92(x):
    """Helper number 92."""
    return x + 92


def helper_93(x):
    """Helper number 93."""
    return x + 93


def helper_94(x):
    """Helper number 94."""
    return x + 94


def helper_95(x):
    """Helper number 95."""
    return x + 95


def helper_96(x):
    """Helper number 96."""
    return x + 96


def helper_97(x):
    """Helper number 97."""
    return x + 97


def helper_98(x):
    """Helper number 98."""
    return x + 98


def helper_99(x):
    """Helper number 99."""
    return x + 99


def helper_100(x):
    """Helper number 100."""
    return x + 100


def helper_101(x):
    """Helper number 101."""
    return x + 101


def helper_102(x):
    """Helper number 102."""
    return x + 102


def helper_103(x):
    """Helper number 103."""
    return x + 103


def helper_104(x):
    """Helper number 104."""
    return x + 104


def helper_105(x):
    """Helper number 105."""
    return x + 105


def helper_106(x):
    """Helper number 106."""
    return x + 106


def helper_107(x):
    """Helper number 107."""
    return x + 107


def helper_108(x):
    """Helper number 108."""
    return x + 108


def helper_109(x):
    """Helper number 109."""
    return x + 109


def helper_110(x):
    """Helper number 110."""
    return x + 110


def helper_111(x):
    """Helper number 111."""
    return x + 111


def helper_112(x):
    """Helper number 112."""
    return x + 112


def helper_113(x):
    """Helper number 113."""
    return x + 113


def helper_114(x):
    """Helper number 114."""
    return x + 114


def helper_115(x):
    """Helper number 115."""
    return x + 115


def helper_116(x):
    """Helper number 116."""
    return x + 116


def helper_117(x):
    """Helper number 117."""
    return x + 117


def helper_118(x):
    """Helper number 118."""
    return x + 118


def helper_119(x):
    """Helper number 119."""
    return x + 119


def helper_120(x):
    """Helper number 120."""
    return x + 120


def helper_121(x):
    """Helper number 121."""
    return x + 121


def helper_122(x):
    """Helper number 122."""
    return x + 122


def helper_123(x):
    """Helper number 123."""
    return x + 123


def helper_124(x):
    """Helper number 124."""
    return x + 124


def helper_125(x):
    """Helper number 125."""
    return x + 125


def helper_126(x):
    """Helper number 126."""
    return x + 126


def helper_127(x):
    """Helper number 127."""
    return x + 127


def helper_128(x):
    """Helper number 128."""
    return x + 128


def helper_129(x):
    """Helper number 129."""
    return x + 129


def helper_130(x):
    """Helper number 130."""
    return x + 130


def helper_131(x):
    """Helper number 131."""
    return x + 131


def helper_132(x):
    """Helper number 132."""
    return x + 132


def helper_133(x):
    """Helper number 133."""
    return x + 133


def helper_134(x):
    """Helper number 134."""
    return x + 134


def helper_135(x):
    """Helper number 135."""
    return x + 135


def helper_136(x):
    """Helper number 136."""
    return x + 136


def helper_137(x):
    """Helper number 137."""
    return x + 137


def helper_138(x):
    """Helper number 138."""
    return x + 138


def helper_139(x):
    """Helper number 139."""
    return x + 139


def helper_140(x):
    """Helper number 140."""
    return x + 140


def helper_141(x):
    """Helper number 141."""
    return x + 141


def helper_142(x):
    """Helper number 142."""
    return x + 142


def helper_143(x):
    """Helper number 143."""
    return x + 143


def helper_144(x):
    """Helper number 144."""
    return x + 144


def helper_145(x):
    """Helper number 145."""
    return x + 145


def helper_146(x):
    """Helper number 146."""
    return x + 146


def helper_147(x):
    """Helper number 147."""
    return x + 147


def helper_148(x):
    """Helper number 148."""
    return x + 148


def helper_149(x):
    """Helper number 149."""
    return x + 149


def helper_150(x):
    """Helper number 150."""
    return x + 150


def helper_151(x):
    """Helper number 151."""
    return x + 151


def helper_152(x):
    """Helper number 152."""
    return x + 152


def helper_153(x):
    """Helper number 153."""
    return x + 153


def helper_154(x):
    """Helper number 154."""
    return x + 154


def helper_155(x):
    """Helper number 155."""
    return x + 155


def helper_156(x):
    """Helper number 156."""
    return x + 156


def helper_157(x):
    """Helper number 157."""
    return x + 157


def helper_158(x):
    """Helper number 158."""
    return x + 158


def helper_159(x):
    """Helper number 159."""
    return x + 159


def helper_160(x):
    """Helper number 160."""
    return x + 160


def helper_161(x):
    """Helper number 161."""
    return x + 161


def helper_162(x):
    """Helper number 162."""
    return x + 162


def helper_163(x):
    """Helper number 163."""
    return x + 163


def helper_164(x):
    """Helper number 164."""
    return x + 164


def helper_165(x):
    """Helper number 165."""
    return x + 165


def helper_166(x):
    """Helper number 166."""
    return x + 166


def helper_167(x):
    """Helper number 167."""
    return x + 167


def helper_168(x):
    """Helper number 168."""
    return x + 168


def helper_169(x):
    """Helper number 169."""
    return x + 169


def helper_170(x):
    """Helper number 170."""
    return x + 170


def helper_171(x):
    """Helper number 171."""
    return x + 171


def helper_172(x):
    """Helper number 172."""
    return x + 172


def helper_173(x):
    """Helper number 173."""
    return x + 173


def helper_174(x):
    """Helper number 174."""
    return x + 174


def helper_175(x):
    """Helper number 175."""
    return x + 175


def helper_176(x):
    """Helper number 176."""
    return x + 176


def helper_177(x):
    """Helper number 177."""
    return x + 177


def helper_178(x):
    """Helper number 178."""
    return x + 178


def helper_179(x):
    """Helper number 179."""
    return x + 179


def helper_180(x):
    """Helper number 180."""
    return x + 180


def helper_181(x):
    """Helper number 181."""
    return x + 181


def helper_182(x):
    """Helper number 182."""
    return x + 182


def helper_183(x):
    """Helper number 183."""
    return x + 183


def helper_184(x):
    """Helper number 184."""
    return x + 184


def helper_185(x):
    """Helper number 185."""
    return x + 185


def helper_186(x):
    """Helper number 186."""
    return x + 186


def helper_187(x):
    """Helper number 187."""
    return x + 187


def helper_188(x):
    """Helper number 188."""
    return x + 188


def helper_189(x):
    """Helper number 189."""
    return x + 189


def helper_190(x):
    """Helper number 190."""
    return x + 190


def helper_191(x):
    """Helper number 191."""
    return x + 191


def helper_192(x):
    """Helper number 192."""
    return x + 192


def helper_193(x):
    """Helper number 193."""
    return x + 193


def helper_194(x):
    """Helper number 194."""
    return x + 194


def helper_195(x):
    """Helper number 195."""
    return x + 195


def helper_196(x):
    """Helper number 196."""
    return x + 196


def helper_197(x):
    """Helper number 197."""
    return x + 197


def helper_198(x):
    """Helper number 198."""
    return x + 198


def helper_199(x):
    """Helper number 199."""
    return x + 199


def helper_200(x):
    """Helper number 200."""
    return x + 200


def helper_201(x):
    """Helper number 201."""
    return x + 201


def helper_202(x):
    """Helper number 202."""
    return x + 202


def helper_203(x):
    """Helper number 203."""
    return x + 203


def helper_204(x):
    """Helper number 204."""
    return x + 204


def helper_205(x):
    """Helper number 205."""
    return x + 205


def helper_206(x):
    """Helper number 206."""
    return x + 206


def helper_207(x):
    """Helper number 207."""
    return x + 207


def helper_208(x):
    """Helper number 208."""
    return x + 208


def helper_209(x):
    """Helper number 209."""
    return x + 209


def helper_210(x):
    """Helper number 210."""
    return x + 210


def helper_211(x):
    """Helper number 211."""
    return x + 211


def helper_212(x):
    """Helper number 212."""
    return x + 212


def helper_213(x):
    """Helper number 213."""
    return x + 213


def helper_214(x):
    """Helper number 214."""
    return x + 214


def helper_215(x):
    """Helper number 215."""
    return x + 215


def helper_216(x):
    """Helper number 216."""
    return x + 216


def helper_217(x):
    """Helper number 217."""
    return x + 217


def helper_218(x):
    """Helper number 218."""
    return x + 218


def helper_219(x):
    """Helper number 219."""
    return x + 219


def helper_220(x):
    """Helper number 220."""
    return x + 220


def helper_221(x):
    """Helper number 221."""
    return x + 221


def helper_222(x):
    """Helper number 222."""
    return x + 222


def helper_223(x):
    """Helper number 223."""
    return x + 223


def helper_224(x):
    """Helper number 224."""
    return x + 224


def helper_225(x):
    """Helper number 225."""
    return x + 225


def helper_226(x):
    """Helper number 226."""
    return x + 226


def helper_227(x):
    """Helper number 227."""
    return x + 227


def helper_228(x):
    """Helper number 228."""
    return x + 228


def helper_229(x):
    """Helper number 229."""
    return x + 229


def helper_230(x):
    """Helper number 230."""
    return x + 230


def helper_231(x):
    """Helper number 231."""
    return x + 231


def helper_232(x):
    """Helper number 232."""
    return x + 232


def helper_233(x):
    """Helper number 233."""
    return x + 233


def helper_234(x):
    """Helper number 234."""
    return x + 234


def helper_235(x):
    """Helper number 235."""
    return x + 235


def helper_236(x):
    """Helper number 236."""
    return x + 236


def helper_237(x):
    """Helper number 237."""
    return x + 237


def helper_238(x):
    """Helper number 238."""
    return x + 238


def helper_239(x):
    """Helper number 239."""
    return x + 239


def helper_240(x):
    """Helper number 240."""
    return x + 240


def helper_241(x):
    """Helper number 241."""
    return x + 241


def helper_242(x):
    """Helper number 242."""
    return x + 242


def helper_243(x):
    """Helper number 243."""
    return x + 243


def helper_244(x):
    """Helper number 244."""
    return x + 244


def helper_245(x):
    """Helper number 245."""
    return x + 245


def helper_246(x):
    """Helper number 246."""
    return x + 246


def helper_247(x):
    """Helper number 247."""
    return x + 247


def helper_248(x):
    """Helper number 248."""
    return x + 248


def helper_249(x):
    """Helper number 249."""
    return x + 249


def helper_250(x):
    """Helper number 250."""
    return x + 250


def helper_251(x):
    """Helper number 251."""
    return x + 251


def helper_252(x):
    """Helper number 252."""
    return x + 252


def helper_253(x):
    """Helper number 253."""
    return x + 253


def helper_254(x):
    """Helper number 254."""
    return x + 254


def helper_255(x):
    """Helper number 255."""
    return x + 255


def helper_256(x):
    """Helper number 256."""
    return x + 256


def helper_257(x):
    """Helper number 257."""
    return x + 257


def helper_258(x):
    """Helper number 258."""
    return x + 258


def helper_259(x):
    """Helper number 259."""
    return x + 259


def helper_260(x):
    """Helper number 260."""
    return x + 260


def helper_261(x):
    """Helper number 261."""
    return x + 261


def helper_262(x):
    """Helper number 262."""
    return x + 262


def helper_263(x):
    """Helper number 263."""
    return x + 263


def helper_264(x):
    """Helper number 264."""
    return x + 264


def helper_265(x):
    """Helper number 265."""
    return x + 265


def helper_266(x):
    """Helper number 266."""
    return x + 266


def helper_267(x):
    """Helper number 267."""
    return x + 267


def helper_268(x):
    """Helper number 268."""
    return x + 268


def helper_269(x):
    """Helper number 269."""
    return x + 269


def helper_270(x):
    """Helper number 270."""
    return x + 270


def helper_271(x):
    """Helper number 271."""
    return x + 271


def helper_272(x):
    """Helper number 272."""
    return x + 272


def helper_273(x):
    """Helper number 273."""
    return x + 273


def helper_274(x):
    """Helper number 274."""
    return x + 274


def helper_275(x):
    """Helper number 275."""
    return x + 275


def helper_276(x):
    """Helper number 276."""
    return x + 276


def helper_277(x):
    """Helper number 277."""
    return x + 277


def helper_278(x):
    """Helper number 278."""
    return x + 278


def helper_279(x):
    """Helper number 279."""
    return x + 279


def helper_280(x):
    """Helper number 280."""
    return x + 280


def helper_281(x):
    """Helper number 281."""
    return x + 281


def helper_282(x):
    """Helper number 282."""
    return x + 282


def helper_283(x):
    """Helper number 283."""
    return x + 283


def helper_284(x):
    """Helper number 284."""
    return x + 284


def helper_285(x):
    """Helper number 285."""
    return x + 285


def helper_286(x):
    """Helper number 286."""
    return x + 286


def helper_287(x):
    """Helper number 287."""
    return x + 287


def helper_288(x):
    """Helper number 288."""
    return x + 288


def helper_289(x):
    """Helper number 289."""
    return x + 289


def helper_290(x):
    """Helper number 290."""
    return x + 290


def helper_291(x):
    """Helper number 291."""
    return x + 291


def helper_292(x):
    """Helper number 292."""
    return x + 292


def helper_293(x):
    """Helper number 293."""
    return x + 293


def helper_294(x):
    """Helper number 294."""
    return x + 294


def helper_295(x):
    """Helper number 295."""
    return x + 295


def helper_296(x):
    """Helper number 296."""
    return x + 296


def helper_297(x):
    """Helper number 297."""
    return x + 297


def helper_298(x):
    """Helper number 298."""
    return x + 298


def helper_299(x):
    """Helper number 299."""
    return x + 299


def helper_300(x):
    """Helper number 300."""
    return x + 300


def helper_301(x):
    """Helper number 301."""
    return x + 301


def helper_302(x):
    """Helper number 302."""
    return x + 302


def helper_303(x):
    """Helper number 303."""
    return x + 303


def helper_304(x):
    """Helper number 304."""
    return x + 304


def helper_305(x):
    """Helper number 305."""
    return x + 305


def helper_306(x):
    """Helper number 306."""
    return x + 306


def helper_307(x):
    """Helper number 307."""
    return x + 307


def helper_308(x):
    """Helper number 308."""
    return x + 308


def helper_309(x):
    """Helper number 309."""
    return x + 309


def helper_310(x):
    """Helper number 310."""
    return x + 310


def helper_311(x):
    """Helper number 311."""
    return x + 311


def helper_312(x):
    """Helper number 312."""
    return x + 312


def helper_313(x):
    """Helper number 313."""
    return x + 313


def helper_314(x):
    """Helper number 314."""
    return x + 314


def helper_315(x):
    """Helper number 315."""
    return x + 315


def helper_316(x):
    """Helper number 316."""
    return x + 316


def helper_317(x):
    """Helper number 317."""
    return x + 317


def helper_318(x):
    """Helper number 318."""
    return x + 318


def helper_319(x):
    """Helper number 319."""
    return x + 319


def helper_320(x):
    """Helper number 320."""
    return x + 320


def helper_321(x):
    """Helper number 321."""
    return x + 321


def helper_322(x):
    """Helper number 322."""
    return x + 322


def helper_323(x):
    """Helper number 323."""
    return x + 323


def helper_324(x):
    """Helper number 324."""
    return x + 324


def helper_325(x):
    """Helper number 325."""
    return x + 325


def helper_326(x):
    """Helper number 326."""
    return x + 326


def helper_327(x):
    """Helper number 327."""
    return x + 327


def helper_328(x):
    """Helper number 328."""
    return x + 328


def helper_329(x):
    """Helper number 329."""
    return x + 329


def helper_330(x):
    """Helper number 330."""
    return x + 330


def helper_331(x):
    """Helper number 331."""
    return x + 331


def helper_332(x):
    """Helper number 332."""
    return x + 332


def helper_333(x):
    """Helper number 333."""
    return x + 333


def helper_334(x):
    """Helper number 334."""
    return x + 334


def helper_335(x):
    """Helper number 335."""
    return x + 335


def helper_336(x):
    """Helper number 336."""
    return x + 336


def helper_337(x):
    """Helper number 337."""
    return x + 337


def helper_338(x):
    """Helper number 338."""
    return x + 338


def helper_339(x):
    """Helper number 339."""
    return x + 339


def helper_340(x):
    """Helper number 340."""
    return x + 340


def helper_341(x):
    """Helper number 341."""
    return x + 341


def helper_342(x):
    """Helper number 342."""
    return x + 342


def helper_343(x):
    """Helper number 343."""
    return x + 343


def helper_344(x):
    """Helper number 344."""
    return x + 344


def helper_345(x):
    """Helper number 345."""
    return x + 345


def helper_346(x):
    """Helper number 346."""
    return x + 346


def helper_347(x):
    """Helper number 347."""
    return x + 347


def helper_348(x):
    """Helper number 348."""
    return x + 348


def helper_349(x):
    """Helper number 349."""
    return x + 349


def helper_350(x):
    """Helper number 350."""
    return x + 350


def helper_351(x):
    """Helper number 351."""
    return x + 351


def helper_352(x):
    """Helper number 352."""
    return x + 352


def helper_353(x):
    """Helper number 353."""
    return x + 353


def helper_354(x):
    """Helper number 354."""
    return x + 354


def helper_355(x):
    """Helper number 355."""
    return x + 355


def helper_356(x):
    """Helper number 356."""
    return x + 356


def helper_357(x):
    """Helper number 357."""
    return x + 357


def helper_358(x):
    """Helper number 358."""
    return x + 358


def helper_359(x):
    """Helper number 359."""
    return x + 359


def helper_360(x):
    """Helper number 360."""
    return x + 360


def helper_361(x):
    """Helper number 361."""
    return x + 361


def helper_362(x):
    """Helper number 362."""
    return x + 362


def helper_363(x):
    """Helper number 363."""
    return x + 363


def helper_364(x):
    """Helper number 364."""
    return x + 364


def helper_365(x):
    """Helper number 365."""
    return x + 365


def helper_366(x):
    """Helper number 366."""
    return x + 366


def helper_367(x):
    """Helper number 367."""
    return x + 367


def helper_368(x):
    """Helper number 368."""
    return x + 368


def helper_369(x):
    """Helper number 369."""
    return x + 369


def helper_370(x):
    """Helper number 370."""
    return x + 370


def helper_371(x):
    """Helper number 371."""
    return x + 371


def helper_372(x):
    """Helper number 372."""
    return x + 372


def helper_373(x):
    """Helper number 373."""
    return x + 373


def helper_374(x):
    """Helper number 374."""
    return x + 374


def helper_375(x):
    """Helper number 375."""
    return x + 375


def helper_376(x):
    """Helper number 376."""
    return x + 376


def helper_377(x):
    """Helper number 377."""
    return x + 377


def helper_378(x):
    """Helper number 378."""
    return x + 378


def helper_379(x):
    """Helper number 379."""
    return x + 379


def helper_380(x):
    """Helper number 380."""
    return x + 380


def helper_381(x):
    """Helper number 381."""
    return x + 381


def helper_382(x):
    """Helper number 382."""
    return x + 382


def helper_383(x):
    """Helper number 383."""
    return x + 383


def helper_384(x):
    """Helper number 384."""
    return x + 384


def helper_385(x):
    """Helper number 385."""
    return x + 385


def helper_386(x):
    """Helper number 386."""
    return x + 386


def helper_387(x):
    """Helper number 387."""
    return x + 387


def helper_388(x):
    """Helper number 388."""
    return x + 388


def helper_389(x):
    """Helper number 389."""
    return x + 389


def helper_390(x):
    """Helper number 390."""
    return x + 390


def helper_391(x):
    """Helper number 391."""
    return x + 391


def helper_392(x):
    """Helper number 392."""
    return x + 392


def helper_393(x):
    """Helper number 393."""
    return x + 393


def helper_394(x):
    """Helper number 394."""
    return x + 394


def helper_395(x):
    """Helper number 395."""
    return x + 395


def helper_396(x):
    """Helper number 396."""
    return x + 396


def helper_397(x):
    """Helper number 397."""
    return x + 397


def helper_398(x):
    """Helper number 398."""
    return x + 398


def helper_399(x):
    """Helper number 399."""
    return x + 399


def helper_400(x):
    """Helper number 400."""
    return x + 400


def helper_401(x):
    """Helper number 401."""
    return x + 401


def helper_402(x):
    """Helper number 402."""
    return x + 402


def helper_403(x):
    """Helper number 403."""
    return x + 403


def helper_404(x):
    """Helper number 404."""
    return x + 404


def helper_405(x):
    """Helper number 405."""
    return x + 405


def helper_406(x):
    """Helper number 406."""
    return x + 406


def helper_407(x):
    """Helper number 407."""
    return x + 407


def helper_408(x):
    """Helper number 408."""
    return x + 408


def helper_409(x):
    """Helper number 409."""
    return x + 409


def helper_410(x):
    """Helper number 410."""
    return x + 410


def helper_411(x):
    """Helper number 411."""
    return x + 411


def helper_412(x):
    """Helper number 412."""
    return x + 412


def helper_413(x):
    """Helper number 413."""
    return x + 413


def helper_414(x):
    """Helper number 414."""
    return x + 414


def helper_415(x):
    """Helper number 415."""
    return x + 415


def helper_416(x):
    """Helper number 416."""
    return x + 416


def helper_417(x):
    """Helper number 417."""
    return x + 417


def helper_418(x):
    """Helper number 418."""
    return x + 418


def helper_419(x):
    """Helper number 419."""
    return x + 419


def helper_420(x):
    """Helper number 420."""
    return x + 420


def helper_421(x):
    """Helper number 421."""
    return x + 421


def helper_422(x):
    """Helper number 422."""
    return x + 422


def helper_423(x):
    """Helper number 423."""
    return x + 423


def helper_424(x):
    """Helper number 424."""
    return x + 424


def helper_425(x):
    """Helper number 425."""
    return x + 425


def helper_426(x):
    """Helper number 426."""
    return x + 426


def helper_427(x):
    """Helper number 427."""
    return x + 427


def helper_428(x):
    """Helper number 428."""
    return x + 428


def helper_429(x):
    """Helper number 429."""
    return x + 429


def helper_430(x):
    """Helper number 430."""
    return x + 430


def helper_431(x):
    """Helper number 431."""
    return x + 431


def helper_432(x):
    """Helper number 432."""
    return x + 432


def helper_433(x):
    """Helper number 433."""
    return x + 433


def helper_434(x):
    """Helper number 434."""
    return x + 434


def helper_435(x):
    """Helper number 435."""
    return x + 435


def helper_436(x):
    """Helper number 436."""
    return x + 436


def helper_437(x):
    """Helper number 437."""
    return x + 437


def helper_438(x):
    """Helper number 438."""
    return x + 438


def helper_439(x):
    """Helper number 439."""
    return x + 439


def helper_440(x):
    """Helper number 440."""
    return x + 440


def helper_441(x):
    """Helper number 441."""
    return x + 441


def helper_442(x):
    """Helper number 442."""
    return x + 442


def helper_443(x):
    """Helper number 443."""
    return x + 443


def helper_444(x):
    """Helper number 444."""
    return x + 444


def helper_445(x):
    """Helper number 445."""
    return x + 445


def helper_446(x):
    """Helper number 446."""
    return x + 446


def helper_447(x):
    """Helper number 447."""
    return x + 447


def helper_448(x):
    """Helper number 448."""
    return x + 448


def helper_449(x):
    """Helper number 449."""
    return x + 449


def helper_450(x):
    """Helper number 450."""
    return x + 450


def helper_451(x):
    """Helper number 451."""
    return x + 451


def helper_452(x):
    """Helper number 452."""
    return x + 452


def helper_453(x):
    """Helper number 453."""
    return x + 453


def helper_454(x):
    """Helper number 454."""
    return x + 454


def helper_455(x):
    """Helper number 455."""
    return x + 455


def helper_456(x):
    """Helper number 456."""
    return x + 456


def helper_457(x):
    """Helper number 457."""
    return x + 457


def helper_458(x):
    """Helper number 458."""
    return x + 458


def helper_459(x):
    """Helper number 459."""
    return x + 459


def helper_460(x):
    """Helper number 460."""
    return x + 460


def helper_461(x):
    """Helper number 461."""
    return x + 461


def helper_462(x):
    """Helper number 462."""
    return x + 462


def helper_463(x):
    """Helper number 463."""
    return x + 463


def helper_464(x):
    """Helper number 464."""
    return x + 464


def helper_465(x):
    """Helper number 465."""
    return x + 465


def helper_466(x):
    """Helper number 466."""
    return x + 466


def helper_467(x):
    """Helper number 467."""
    return x + 467


def helper_468(x):
    """Helper number 468."""
    return x + 468


def helper_469(x):
    """Helper number 469."""
    return x + 469


def helper_470(x):
    """Helper number 470."""
    return x + 470


def helper_471(x):
    """Helper number 471."""
    return x + 471


def helper_472(x):
    """Helper number 472."""
    return x + 472


def helper_473(x):
    """Helper number 473."""
    return x + 473


def helper_474(x):
    """Helper number 474."""
    return x + 474


def helper_475(x):
    """Helper number 475."""
    return x + 475


def helper_476(x):
    """Helper number 476."""
    return x + 476


def helper_477(x):
    """Helper number 477."""
    return x + 477


def helper_478(x):
    """Helper number 478."""
    return x + 478


def helper_479(x):
    """Helper number 479."""
    return x + 479


def helper_480(x):
    """Helper number 480."""
    return x + 480


def helper_481(x):
    """Helper number 481."""
    return x + 481


def helper_482(x):
    """Helper number 482."""
    return x + 482


def helper_483(x):
    """Helper number 483."""
    return x + 483


def helper_484(x):
    """Helper number 484."""
    return x + 484


def helper_485(x):
    """Helper number 485."""
    return x + 485


def helper_486(x):
    """Helper number 486."""
    return x + 486


def helper_487(x):
    """Helper number 487."""
    return x + 487


def helper_488(x):
    """Helper number 488."""
    return x + 488


def helper_489(x):
    """Helper number 489."""
    return x + 489


def helper_490(x):
    """Helper number 490."""
    return x + 490


def helper_491(x):
    """Helper number 491."""
    return x + 491


def helper_492(x):
    """Helper number 492."""
    return x + 492


def helper_493(x):
    """Helper number 493."""
    return x + 493


def helper_494(x):
    """Helper number 494."""
    return x + 494


def helper_495(x):
    """Helper number 495."""
    return x + 495


def helper_496(x):
    """Helper number 496."""
    return x + 496


def helper_497(x):
    """Helper number 497."""
    return x + 497


def helper_498(x):
    """Helper number 498."""
    return x + 498


def helper_499(x):
    """Helper number 499."""
    return x + 499


def helper_500(x):
    """Helper number 500."""
    return x + 500


def helper_501(x):
    """Helper number 501."""
    return x + 501


def helper_502(x):
    """Helper number 502."""
    return x + 502


def helper_503(x):
    """Helper number 503."""
    return x + 503


def helper_504(x):
    """Helper number 504."""
    return x + 504


def helper_505(x):
    """Helper number 505."""
    return x + 505


def helper_506(x):
    """Helper number 506."""
    return x + 506


def helper_507(x):
    """Helper number 507."""
    return x + 507


def helper_508(x):
    """Helper number 508."""
    return x + 508


def helper_509(x):
    """Helper number 509."""
    return x + 509


def helper_510(x):
    """Helper number 510."""
    return x + 510


def helper_511(x):
    """Helper number 511."""
    return x + 511


def helper_512(x):
    """Helper number 512."""
    return x + 512


def helper_513(x):
    """Helper number 513."""
    return x + 513


def helper_514(x):
    """Helper number 514."""
    return x + 514


def helper_515(x):
    """Helper number 515."""
    return x + 515


def helper_516(x):
    """Helper number 516."""
    return x + 516


def helper_517(x):
    """Helper number 517."""
    return x + 517


def helper_518(x):
    """Helper number 518."""
    return x + 518


def helper_519(x):
    """Helper number 519."""
    return x + 519


def helper_520(x):
    """Helper number 520."""
    return x + 520


def helper_521(x):
    """Helper number 521."""
    return x + 521


def helper_522(x):
    """Helper number 522."""
    return x + 522


def helper_523(x):
    """Helper number 523."""
    return x + 523


def helper_524(x):
    """Helper number 524."""
    return x + 524


def helper_525(x):
    """Helper number 525."""
    return x + 525


def helper_526(x):
    """Helper number 526."""
    return x + 526


def helper_527(x):
    """Helper number 527."""
    return x + 527


def helper_528(x):
    """Helper number 528."""
    return x + 528


def helper_529(x):
    """Helper number 529."""
    return x + 529


def helper_530(x):
    """Helper number 530."""
    return x + 530


def helper_531(x):
    """Helper number 531."""
    return x + 531


def helper_532(x):
    """Helper number 532."""
    return x + 532


def helper_533(x):
    """Helper number 533."""
    return x + 533


def helper_534(x):
    """Helper number 534."""
    return x + 534


def helper_535(x):
    """Helper number 535."""
    return x + 535


def helper_536(x):
    """Helper number 536."""
    return x + 536


def helper_537(x):
    """Helper number 537."""
    return x + 537


def helper_538(x):
    """Helper number 538."""
    return x + 538


def helper_539(x):
    """Helper number 539."""
    return x + 539


def helper_540(x):
    """Helper number 540."""
    return x + 540


def helper_541(x):
    """Helper number 541."""
    return x + 541


def helper_542(x):
    """Helper number 542."""
    return x + 542


def helper_543(x):
    """Helper number 543."""
    return x + 543


def helper_544(x):
    """Helper number 544."""
    return x + 544


def helper_545(x):
    """Helper number 545."""
    return x + 545


def helper_546(x):
    """Helper number 546."""
    return x + 546


def helper_547(x):
    """Helper number 547."""
    return x + 547


def helper_548(x):
    """Helper number 548."""
    return x + 548


def helper_549(x):
    """Helper number 549."""
    return x + 549


def helper_550(x):
    """Helper number 550."""
    return x + 550


def helper_551(x):
    """Helper number 551."""
    return x + 551


def helper_552(x):
    """Helper number 552."""
    return x + 552


def helper_553(x):
    """Helper number 553."""
    return x + 553


def helper_554(x):
    """Helper number 554."""
    return x + 554


def helper_555(x):
    """Helper number 555."""
    return x + 555


def helper_556(x):
    """Helper number 556."""
    return x + 556


def helper_557(x):
    """Helper number 557."""
    return x + 557


def helper_558(x):
    """Helper number 558."""
    return x + 558


def helper_559(x):
    """Helper number 559."""
    return x + 559


def helper_560(x):
    """Helper number 560."""
    return x + 560


def helper_561(x):
    """Helper number 561."""
    return x + 561


def helper_562(x):
    """Helper number 562."""
    return x + 562


def helper_563(x):
    """Helper number 563."""
    return x + 563


def helper_564(x):
    """Helper number 564."""
    return x + 564


def helper_565(x):
    """Helper number 565."""
    return x + 565


def helper_566(x):
    """Helper number 566."""
    return x + 566


def helper_567(x):
    """Helper number 567."""
    return x + 567


def helper_568(x):
    """Helper number 568."""
    return x + 568


def helper_569(x):
    """Helper number 569."""
    return x + 569


def helper_570(x):
    """Helper number 570."""
    return x + 570


def helper_571(x):
    """Helper number 571."""
    return x + 571


def helper_572(x):
    """Helper number 572."""
    return x + 572


def helper_573(x):
    """Helper number 573."""
    return x + 573


def helper_574(x):
    """Helper number 574."""
    return x + 574


def helper_575(x):
    """Helper number 575."""
    return x + 575


def helper_576(x):
    """Helper number 576."""
    return x + 576


def helper_577(x):
    """Helper number 577."""
    return x + 577


def helper_578(x):
    """Helper number 578."""
    return x + 578


def helper_579(x):
    """Helper number 579."""
    return x + 579


def helper_580(x):
    """Helper number 580."""
    return x + 580


def helper_581(x):
    """Helper number 581."""
    return x + 581


def helper_582(x):
    """Helper number 582."""
    return x + 582


def helper_583(x):
    """Helper number 583."""
    return x + 583


def helper_584(x):
    """Helper number 584."""
    return x + 584


def helper_585(x):
    """Helper number 585."""
    return x + 585


def helper_586(x):
    """Helper number 586."""
    return x + 586


def helper_587(x):
    """Helper number 587."""
    return x + 587


def helper_588(x):
    """Helper number 588."""
    return x + 588


def helper_589(x):
    """Helper number 589."""
    return x + 589


def helper_590(x):
    """Helper number 590."""
    return x + 590


def helper_591(x):
    """Helper number 591."""
    return x + 591


def helper_592(x):
    """Helper number 592."""
    return x + 592


def helper_593(x):
    """Helper number 593."""
    return x + 593


def helper_594(x):
    """Helper number 594."""
    return x + 594


def helper_595(x):
    """Helper number 595."""
    return x + 595


def helper_596(x):
    """Helper number 596."""
    return x + 596


def helper_597(x):
    """Helper number 597."""
    return x + 597


def helper_598(x):
    """Helper number 598."""
    return x + 598


def helper_599(x):
    """Helper number 599."""
    return x + 599


def helper_600(x):
    """Helper number 600."""
    return x + 600


def helper_601(x):
    """Helper number 601."""
    return x + 601


def helper_602(x):
    """Helper number 602."""
    return x + 602


def helper_603(x):
    """Helper number 603."""
    return x + 603


def helper_604(x):
    """Helper number 604."""
    return x + 604


def helper_605(x):
    """Helper number 605."""
    return x + 605


def helper_606(x):
    """Helper number 606."""
    return x + 606


def helper_607(x):
    """Helper number 607."""
    return x + 607


def helper_608(x):
    """Helper number 608."""
    return x + 608


def helper_609(x):
    """Helper number 609."""
    return x + 609


def helper_610(x):
    """Helper number 610."""
    return x + 610


def helper_611(x):
    """Helper number 611."""
    return x + 611


def helper_612(x):
    """Helper number 612."""
    return x + 612


def helper_613(x):
    """Helper number 613."""
    return x + 613


def helper_614(x):
    """Helper number 614."""
    return x + 614


def helper_615(x):
    """Helper number 615."""
    return x + 615


def helper_616(x):
    """Helper number 616."""
    return x + 616


def helper_617(x):
    """Helper number 617."""
    return x + 617


def helper_618(x):
    """Helper number 618."""
    return x + 618


def helper_619(x):
    """Helper number 619."""
    return x + 619


def helper_620(x):
    """Helper number 620."""
    return x + 620


def helper_621(x):
    """Helper number 621."""
    return x + 621


def helper_622(x):
    """Helper number 622."""
    return x + 622


def helper_623(x):
    """Helper number 623."""
    return x + 623


def helper_624(x):
    """Helper number 624."""
    return x + 624


def helper_625(x):
    """Helper number 625."""
    return x + 625


def helper_626(x):
    """Helper number 626."""
    return x + 626


def helper_627(x):
    """Helper number 627."""
    return x + 627


def helper_628(x):
    """Helper number 628."""
    return x + 628


def helper_629(x):
    """Helper number 629."""
    return x + 629


def helper_630(x):
    """Helper number 630."""
    return x + 630


def helper_631(x):
    """Helper number 631."""
    return x + 631


def helper_632(x):
    """Helper number 632."""
    return x + 632


def helper_633(x):
    """Helper number 633."""
    return x + 633


def helper_634(x):
    """Helper number 634."""
    return x + 634


def helper_635(x):
    """Helper number 635."""
    return x + 635


def helper_636(x):
    """Helper number 636."""
    return x + 636


def helper_637(x):
    """Helper number 637."""
    return x + 637


def helper_638(x):
    """Helper number 638."""
    return x + 638


def helper_639(x):
    """Helper number 639."""
    return x + 639


def helper_640(x):
    """Helper number 640."""
    return x + 640


def helper_641(x):
    """Helper number 641."""
    return x + 641


def helper_642(x):
    """Helper number 642."""
    return x + 642


def helper_643(x):
    """Helper number 643."""
    return x + 643


def helper_644(x):
    """Helper number 644."""
    return x + 644


def helper_645(x):
    """Helper number 645."""
    return x + 645


def helper_646(x):
    """Helper number 646."""
    return x + 646


def helper_647(x):
    """Helper number 647."""
    return x + 647


def helper_648(x):
    """Helper number 648."""
    return x + 648


def helper_649(x):
    """Helper number 649."""
    return x + 649


def helper_650(x):
    """Helper number 650."""
    return x + 650


def helper_651(x):
    """Helper number 651."""
    return x + 651


def helper_652(x):
    """Helper number 652."""
    return x + 652


def helper_653(x):
    """Helper number 653."""
    return x + 653


def helper_654(x):
    """Helper number 654."""
    return x + 654


def helper_655(x):
    """Helper number 655."""
    return x + 655


def helper_656(x):
    """Helper number 656."""
    return x + 656


def helper_657(x):
    """Helper number 657."""
    return x + 657


def helper_658(x):
    """Helper number 658."""
    return x + 658


def helper_659(x):
    """Helper number 659."""
    return x + 659


def helper_660(x):
    """Helper number 660."""
    return x + 660


def helper_661(x):
    """Helper number 661."""
    return x + 661


def helper_662(x):
    """Helper number 662."""
    return x + 662


def helper_663(x):
    """Helper number 663."""
    return x + 663


def helper_664(x):
    """Helper number 664."""
    return x + 664


def helper_665(x):
    """Helper number 665."""
    return x + 665


def helper_666(x):
    """Helper number 666."""
    return x + 666


def helper_667(x):
    """Helper number 667."""
    return x + 667


def helper_668(x):
    """Helper number 668."""
    return x + 668


def helper_669(x):
    """Helper number 669."""
    return x + 669


def helper_670(x):
    """Helper number 670."""
    return x + 670


def helper_671(x):
    """Helper number 671."""
    return x + 671


def helper_672(x):
    """Helper number 672."""
    return x + 672


def helper_673(x):
    """Helper number 673."""
    return x + 673


def helper_674(x):
    """Helper number 674."""
    return x + 674


def helper_675(x):
    """Helper number 675."""
    return x + 675


def helper_676(x):
    """Helper number 676."""
    return x + 676


def helper_677(x):
    """Helper number 677."""
    return x + 677


def helper_678(x):
    """Helper number 678."""
    return x + 678


def helper_679(x):
    """Helper number 679."""
    return x + 679


def helper_680(x):
    """Helper number 680."""
    return x + 680


def helper_681(x):
    """Helper number 681."""
    return x + 681


def helper_682(x):
    """Helper number 682."""
    return x + 682


def helper_683(x):
    """Helper number 683."""
    return x + 683


def helper_684(x):
    """Helper number 684."""
    return x + 684


def helper_685(x):
    """Helper number 685."""
    return x + 685


def helper_686(x):
    """Helper number 686."""
    return x + 686


def helper_687(x):
    """Helper number 687."""
    return x + 687


def helper_688(x):
    """Helper number 688."""
    return x + 688


def helper_689(x):
    """Helper number 689."""
    return x + 689


def helper_690(x):
    """Helper number 690."""
    return x + 690


def helper_691(x):
    """Helper number 691."""
    return x + 691


def helper_692(x):
    """Helper number 692."""
    return x + 692


def helper_693(x):
    """Helper number 693."""
    return x + 693


def helper_694(x):
    """Helper number 694."""
    return x + 694


def helper_695(x):
    """Helper number 695."""
    return x + 695


def helper_696(x):
    """Helper number 696."""
    return x + 696


def helper_697(x):
    """Helper number 697."""
    return x + 697


def helper_698(x):
    """Helper number 698."""
    return x + 698


def helper_699(x):
    """Helper number 699."""
    return x + 699


def run():
    with mp.Pool(2) as pool:
        return pool.map(helper_1, range(10))
