"""Each script family becomes the terms a reader would expect to match."""
import pytest

from waymark.search.analysis import analyzer, normalize, stemmer_code


def terms(lang, text):
    return [token.text for token in analyzer(lang)(text)]


def test_latin_accents_and_case_do_not_matter():
    assert terms("es", "QUEJA queja quéja") == ["quej"] * 3
    assert terms("fr", "Réfugié refugie") == [terms("fr", "refugie")[0]] * 2


def test_english_is_stemmed_and_stop_words_dropped():
    assert terms("en", "The workers were working for their wages") == [
        "worker", "work", "wage"]


def test_any_apostrophe_reads_the_same():
    assert terms("uk", "сімʼї") == terms("uk", "сім'ї") == terms("uk", "сім’ї") == ["сім", "ї"]


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


def test_persian_yeh_kaf_zwnj_and_digits():
    assert normalize("یک") == normalize("يك")
    assert terms("fa", "کتاب\u200cها") == ["كتاب", "ها"]  # the ZWNJ separates
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
                                        ("fa", None), ("uk", None), ("am", None), ("zh", None)])
def test_stemming_only_where_whoosh_and_the_browser_both_can(lang, code):
    assert stemmer_code(lang) == code
