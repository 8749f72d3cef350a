"""A hand-made miniature gazetteer for the geo unit tests (names and rough coordinates written
for the tests, not taken from the installed sources)."""
from rasd.kb.gazetteer import Gazetteer, Place

GOV_IDLIB = Place("admin:SY07", "إدلب", "Idlib", 35.77, 36.67, "governorate", "إدلب", rank=6)
GOV_ALEPPO = Place("admin:SY02", "حلب", "Aleppo", 36.25, 37.62, "governorate", "حلب", rank=6)
GOV_HAMA = Place("admin:SY05", "حماة", "Hama", 35.23, 37.2, "governorate", "حماة", rank=6)
DIS_MAARRA = Place("admin:SY0702", "معرة النعمان", "Maarrat al-Numan", 35.54, 36.79, "district", "إدلب",
                   "معرة النعمان", admin_ids=("admin:SY07",), rank=5)
DIS_AZAZ = Place("admin:SY0204", "أعزاز", "Azaz", 36.5, 37.18, "district", "حلب", "أعزاز",
                 admin_ids=("admin:SY02",), rank=5)
SUB_TAMANAH = Place("admin:SY070204", "التمانعة", "Tamanaah", 35.47, 36.87, "subdistrict", "إدلب",
                    "معرة النعمان", "التمانعة", admin_ids=("admin:SY07", "admin:SY0702"), rank=4)
SUB_OTHER = Place("admin:SY050301", "عقيربات", "Uqayribat", 35.05, 37.65, "subdistrict", "حماة", "سلمية",
                  "عقيربات", admin_ids=("admin:SY05", "admin:SY0503"), rank=4)
ALEPPO_CITY = Place("ocha:C1007", "حلب", "Aleppo", 36.2, 37.15, "locality", "حلب", "جبل سمعان", None,
                    admin_ids=("admin:SY02",), rank=3)
VILLAGE_A = Place("ocha:C9001", "المشيرفة", "Mushayrifa (Tamanah)", 35.42, 36.94, "locality", "إدلب",
                  "معرة النعمان", "التمانعة", admin_ids=("admin:SY07", "admin:SY0702", "admin:SY070204"), rank=1)
VILLAGE_B = Place("ocha:C9002", "المشيرفة", "Mushayrifa (Uqayribat)", 35.1, 37.7, "locality", "حماة", "سلمية",
                  "عقيربات", admin_ids=("admin:SY05", "admin:SY0503", "admin:SY050301"), rank=1)
VILLAGE_C = Place("ocha:C9003", "أبو دالي", "Abu Dali", 35.45, 36.9, "locality", "إدلب", "معرة النعمان",
                  "التمانعة", admin_ids=("admin:SY07", "admin:SY0702", "admin:SY070204"), rank=1)
SINJAR_SY = Place("ocha:C9004", "سنجار", "Sinjar", 35.59, 37.0, "locality", "إدلب", "معرة النعمان", None,
                  admin_ids=("admin:SY07", "admin:SY0702"), rank=2)
SINJAR_IQ = Place("world:iq-sinjar", "سنجار", "Sinjar (Iraq)", 36.32, 41.87, "city", rank=3, country="iq",
                  admin_ids=("world:iq",))
VILLAGE_SHEIKH = Place("ocha:C9005", "الشيخ خالد", "Sheikh Khalid", 36.3, 37.1, "locality", "حلب", "أعزاز", None,
                       admin_ids=("admin:SY02", "admin:SY0204"), rank=1)
ALL = [GOV_IDLIB, GOV_ALEPPO, GOV_HAMA, DIS_MAARRA, DIS_AZAZ, SUB_TAMANAH, SUB_OTHER, ALEPPO_CITY, VILLAGE_A,
       VILLAGE_B, VILLAGE_C, SINJAR_SY, SINJAR_IQ, VILLAGE_SHEIKH]
EXTRA_ALIASES = [("محافظة إدلب", "admin:SY07"), ("منطقة معرة النعمان", "admin:SY0702"),
                 ("ناحية التمانعة", "admin:SY070204")]


def fake_gazetteer() -> Gazetteer:
    return Gazetteer({p.id: p for p in ALL}, [(p.name_ar, p.id) for p in ALL] + EXTRA_ALIASES)
