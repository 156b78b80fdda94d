"""Each script family becomes the terms a reader would expect to match."""
import unicodedata

import pytest

from waymark.search import analysis, stopwords
from waymark.search.analysis import MARK_PLANES, analyzer, normalize, stemmer_code


def terms(lang, text):
    return [token.text for token in analyzer(lang)(text)]


def test_latin_accents_and_case_do_not_matter():
    assert terms("es", "QUEJA queja quéja") == ["quej"] * 3
    assert terms("de", "Lohn LOHN") == ["lohn"] * 2


def test_the_stemmer_sees_accents_and_the_index_stores_them_folded():
    # Folded first, "licencié" would stem as "licenc" and "licenciement" as "licenci".
    assert terms("fr", "licencié licenciement licenciés") == ["licenci"] * 3
    assert terms("fr", "Réfugié réfugiés") == ["refugi"] * 2


def test_the_analyzer_and_the_plain_terms_function_agree():
    text = "Des employées licenciées n'ont pas été payées"
    assert terms("fr", text) == analysis.terms(text, "fr") == ["emploi", "licenci", "pas", "pai"]


def test_words_that_change_the_meaning_are_not_stop_words():
    assert terms("en", "not paid without a contract") == ["not", "paid", "without", "contract"]
    assert terms("es", "no me pagan sin contrato") == ["no", "pag", "sin", "contrat"]
    assert terms("ar", "لم يدفعوا أجري") == ["لم"] + terms("ar", "يدفعوا أجري")
    assert terms("fa", "حقوقم را نمی‌دهند") == ["حقوقم", "نمي", "دهند"]
    assert terms("uk", "без договору") == ["без", "договор"]
    # where, and where to: a place to go
    assert terms("uk", "де і куди поскаржитися") == ["де", "куд", "поскарж"]


def test_function_words_are_stop_words_in_every_shipped_language():
    assert terms("en", "what do I do if they") == []
    assert terms("ar", "ماذا أفعل إذا") == ["فعل"]
    assert terms("fa", "من چه کار کنم که") == ["كار"]
    assert terms("uk", "що мені робити, коли") == ["робит"]
    assert terms("uk", "мене звільнили, бо я вимагав") == ["звільнил", "вимагав"]
    assert terms("fr", "les policiers m'ont demandé quoi") == ["polici", "demand"]



def test_the_function_words_of_speech_are_stop_words_too():
    assert terms("ar", "شو اسوي والكفيل ما يعطيني وما عندي") == terms("ar", "اسوي الكفيل يعطيني عندي")
    assert terms("fa", "پلیس منو گرفت بهم چی گفت") == ["پليس", "گرفت"]
    assert terms("uk", "шо робити тут") == ["робит"]


@pytest.mark.parametrize("code", sorted(stopwords.ADD))
def test_added_stop_words_are_an_addition_to_their_source_list(code):
    listed = {normalize(word) for word in stopwords.listed(code)}
    assert sorted(w for w in stopwords.ADD[code] if normalize(w) in listed) == []
    assert stopwords.ADD[code].isdisjoint(stopwords.KEEP.get(code, ()))


def test_persian_and_dari_words_are_also_read_without_a_pronoun_on_them():
    assert analysis.clitics("fa")[:3] == ("تان", "شان", "مان")
    assert analysis.clitics("prs") == analysis.clitics("fa")
    assert analysis.clitics("en") == ()


@pytest.mark.parametrize("code", sorted(stopwords.KEEP))
def test_every_kept_word_is_in_its_stop_list(code):
    listed = {normalize(word) for word in stopwords.source_list(code)}
    assert sorted(w for w in stopwords.KEEP[code] if normalize(w) not in listed) == []


def test_english_is_stemmed_and_stop_words_dropped():
    assert terms("en", "The workers were working for their wages") == [
        "worker", "work", "wage"]


def test_any_apostrophe_reads_the_same():
    assert terms("uk", "сімʼї") == terms("uk", "сім'ї") == terms("uk", "сім’ї") == terms("uk", "сім'я") == ["сім'"]


def test_an_apostrophe_is_inside_a_ukrainian_word_and_between_words_elsewhere():
    # б'є, "beats": the word is б'є, not б and є (a stop word, "is").
    assert terms("uk", "він мене б'є") == ["б'є"]
    assert terms("fr", "l'agence") == ["agenc"]


def test_cyrillic_letters_keep_their_marks():
    # й and ї are letters, not accents: folding them would merge words.
    assert normalize("Київ") == "київ" and normalize("мій") == "мій"


def test_arabic_diacritics_tatweel_and_letter_variants_fold():
    plain = terms("ar", "العمال")
    assert terms("ar", "العُمَّال") == plain
    assert terms("ar", "العـــمال") == plain
    assert normalize("أجر") == normalize("اجر") == normalize("إجر")
    assert normalize("مدرسة") == normalize("مدرسه")
    assert normalize("على") == normalize("علي")
    # hamza on its seat, which readers often leave off: رسايل, messages
    assert terms("ar", "رسائل") == terms("ar", "رسايل")
    assert normalize("مسؤول") == normalize("مسوول")


def test_a_short_arabic_word_with_its_article_finds_the_word_without_it():
    # Five letters with ال: the housing guide's السكن is the reader's سكن,
    # and not السن (age); the house, البيت, is not the bank, البنك.
    assert terms("ar", "السكن") == terms("ar", "سكن") == terms("ar", "للسكن")
    assert terms("ar", "السكن") != terms("ar", "السن")
    assert terms("ar", "البيت") == terms("ar", "بيت") != terms("ar", "البنك")
    assert terms("ar", "الدين") == terms("ar", "ديون")  # debt, and debts


def test_persian_yeh_kaf_zwnj_and_digits():
    assert normalize("یک") == normalize("يك")
    assert terms("fa", "کتاب\u200cها") == terms("fa", "کتاب ها") == ["كتاب"]  # the ZWNJ separates
    assert terms("fa", "سال ۱۴۰۳") == ["سال", "1403"]
    assert terms("ar", "عام ٢٠٢٤") == ["عام", "2024"]


def test_ethiopic_word_space_and_full_stop_separate_words():
    assert terms("am", "የሥራ፡ውል።መብት") == ["የስራ", "ውል", "መብት"]  # ሥ and ስ sound the same


def test_arabic_and_urdu_punctuation_separate_words():
    assert terms("ur", "حقوق،کام۔مزدور") == ["حقوق", "كام", "مزدور"]


def test_combining_marks_stay_inside_words():
    assert terms("bn", "শ্রমিকের অধিকার") == ["শ্রমিকের", "অধিকার"]
    assert terms("hi", "मज़दूर अधिकार") == ["मज़दूर", "अधिकार"]


def test_scripts_without_spaces_become_two_character_pieces():
    assert terms("zh", "劳动法") == ["劳动", "动法"]
    assert terms("zh", "工资COVID19") == ["工资", "covid19"]
    assert terms("ja", "パスポート") == ["パス", "スポ", "ポー", "ート"]
    # A Thai vowel or tone mark stays with its consonant.
    assert terms("th", "จ้าง") == ["จ้า", "าง"]


@pytest.mark.parametrize("lang, code", [("en", "en"), ("es", "es"), ("pt-BR", "pt"), ("ar", "ar"),
                                        ("fa", "fa"), ("prs", "fa"), ("uk", "uk"), ("am", None),
                                        ("zh", None)])
def test_stemming_only_where_the_build_and_the_browser_both_can(lang, code):
    assert stemmer_code(lang) == code


def test_persian_and_ukrainian_inflections_share_a_stem():
    assert len(set(terms("fa", "قرارداد قراردادها قراردادهای"))) == 1
    assert len(set(terms("fa", "دستمزد دستمزدها"))) == 1
    assert len(set(terms("uk", "зарплата зарплати зарплату зарплатою"))) == 1
    assert len(set(terms("uk", "роботодавець роботодавця роботодавцем"))) == 1


def test_combining_marks_are_found_wherever_unicode_has_them():
    # words() reads marks as letters only in the planes analysis.MARK_PLANES
    # names; the Unicode of this Python has none elsewhere.
    outside = [code for code in range(0x110000)
               if not any(code in plane for plane in MARK_PLANES)
               and unicodedata.category(chr(code))[0] == "M"]
    assert outside == []


def test_a_spoken_persian_verb_is_read_as_it_is_written():
    """The stem and the ending both change (میگه, "he says", is می‌گوید);
    می and نمی go, as the guides write them apart; ب and ن stay (بیاد is
    بیاید, not بآید); Dari's میتانم is Tehran's میتونم."""
    def written(word, lang="fa"):
        return [unicodedata.normalize("NFC", w) for w in analysis.written_verbs(normalize(word), lang)]
    assert written("میگه") == [normalize("گوید")]
    assert written("نمیذارن") == [normalize("گذارند")]
    assert written("بیاد") == [normalize("بیاید")]
    assert written("میاد") == [normalize("آید")]
    assert written("میتانم", "prs") == written("میتونم") == [normalize("توانم")]
    assert written("خیابون") == [] and written("میگیرن") == []  # not one of the table's verbs
    assert analysis.written_verbs("said", "en") == []
