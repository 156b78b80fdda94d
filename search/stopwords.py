"""Stop words: the words a search leaves out, per language, from kept lists.

Where Whoosh carries Snowball's list for a language (English, Spanish,
French, German, Portuguese, Russian and others) we take it: those are short
lists of function words, made for search together with the stemmers we use.
Elsewhere (Arabic, Persian, Ukrainian, ...) the list comes from
`stopwordsiso`. We do not take stopwordsiso's list where Snowball has one:
its English list, for one, leaves out "work", "help", "free", "home",
"problem", "right", "information", "year", "took" and "fire", words that
readers of these guides type.

From either list we keep searchable the words that change what a question
means in our readers' situations (`KEEP`): negation and absence (not, no,
without, non-: "not paid", «غير مدفوعة»), what comes before or after
(before you sign, after a complaint), numbers and times (three months, a
deadline), words about giving and taking (took my passport, did not give
my wages) or rights and free services that the lists carry as filler, and
"where", which asks for a place to go (where to complain). Each
entry says why; a test checks that every entry is in its source list, so
that the exceptions stay true as the lists change. Arabic's ما ("what", and
in speech "not") stays a stop word: as "what" it begins most questions.
"""
from whoosh import lang as whoosh_lang
import stopwordsiso

KEEP = {
    "en": {
        # negation and absence
        "no", "nor", "not", "against",
        # before and after, in and out: "before you sign", "laid off", "under 18"
        "before", "after", "off", "out", "under", "over",
        "one",  # a number ("one month"), from stopwordsiso's "one's"
        "where",  # a place to go: "where to complain", "where can I sleep"
    },
    "es": {
        "no", "sin", "contra", "ni",  # negation and absence
        "antes", "desde", "hasta", "durante",  # before, since, until, during
        "estado", "estados",  # forms of estar, but also "state" and "status"
        "donde", "dónde",  # a place to go: "dónde denunciar"
    },
    "fr": {
        "pas", "ne",  # "pas payé", "ne paie pas"
        "où",  # where: a place to go, "où porter plainte" (and "ou", "or", folded alike)
    },
    "ar": {
        # negation and absence: "لم يدفعوا", "غير مدفوعة", "بدون أجر"
        "لا", "لم", "لن", "ليس", "لَيْسَ", "لَسْتُ", "لَيْسَتْ", "لَيْسُوا", "غير", "دون",
        "عدم", "ضد", "سوى", "عدا", "خلا", "حاشا",
        # numbers and counting
        "واحد", "احد", "ثلاثة", "اربعة", "عشر", "عشرة", "صفر", "الف", "مليون", "مليار",
        "بضع", "عدة", "عدد", "اول", "الاول", "الاولى", "الثاني", "الثانية",
        # days, years and deadlines: "منذ شهرين", "نهاية العقد"
        "يوم", "ايام", "اليوم", "عام", "عاما", "سنة", "سنوات", "امس", "غدا", "صباح",
        "مساء", "الوقت", "الماضي", "المقبل", "السابق", "حاليا", "الان", "الاخيرة",
        "مايو", "ايار", "نهاية", "قبل", "بعد", "منذ", "اجل", "أجل",
        # taking, returning, force, visits, persons: "أخذ جوازي", "العودة", "بالقوة"
        "اخذ", "أخذ", "رجع", "عاد", "اعادة", "قوة", "زيارة", "شخصا", "مقابل",
        "للامم", "لوكالة",  # "to the United Nations", "to the agency"
        "أين", "اين",  # where: a place to go
    },
    "fa": {
        # negation and absence: "حقوقم را نمی‌دهند", "بدون قرارداد", "پاسپورت ندارم"
        "نه", "نیست", "نيست", "نمی", "نمي", "نباید", "نبايد", "نبود", "نشده", "نكرده",
        "نخواهد", "نخواهم", "نخواهند", "ندارد", "ندارم", "ندارند", "نداری", "ندارید",
        "نداریم", "نداشت", "نداشتم", "نداشتند", "نداشته", "بدون", "عدم", "غیر", "غير",
        "هیچ", "هيچ", "هرگز", "جز", "بی",
        "کجا",  # where: a place to go, "کجا شکایت کنم"
        # Dari's "prisoner, locked up" (Persian has it in compounds only)
        "بندی",
        # numbers and counting
        "یک", "يك", "یکی", "يكي", "دو", "چهار", "پنج", "شش", "هفت", "ده", "بیست", "بيست",
        "هزار", "ميليون", "ميليارد", "اول", "دوم", "سوم", "نخست", "نخستين",
        "۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹",
        # days, years, early and late: "حقوقم دیر شده", "قبل از امضا"
        "روز", "روزانه", "زمان", "امروز", "امسال", "فردا", "دیروز", "ديروز", "پارسال",
        "سالانه", "سالیانه", "قبل", "بعد", "مدت", "گذشته", "اخیر", "زود", "دیر", "هنگام",
        # rights, services, free of charge, people, ways, names
        "حق", "خدمات", "مجانی", "مردم", "راه", "نام", "کامل", "بخش", "عمل", "امور",
        "خارج", "خارجِ", "بیرون", "کم", "کمتر", "بیشتر", "زياد",
        # giving and taking: "پاسپورتم را گرفتند", "حقوق نداد"
        "گرفت", "گرفتم", "گرفتن", "گرفتند", "گرفته", "گرفتی", "گرفتید", "گرفتیم",
        "داد", "دادم", "دادن", "دادند", "داده", "دادی", "دادید", "دادیم",
        "دهد", "دهم", "دهند", "دهی", "دهید", "دهیم",
    },
    "uk": {
        "без",  # without
        "де",  # where: a place to go
        "давати", "давай",  # to give: "не дають зарплату"
    },
}


# Function words a source list lacks, added because readers' questions are
# made of them ("мене звільнили, бо я вимагав"; "les policiers m'ont demandé";
# spoken Arabic's شو and مين, Persian's چی and منو, which the lists lack):
# stopwordsiso's Ukrainian list has 73 words and none of я, мене, мені, і, а,
# на, у, в; the Snowball French list has le and la but not les, ils, quoi.
# Closed classes only (pronouns, conjunctions, prepositions, particles,
# question words), never a noun, verb, number or negation; a test checks
# that no entry is already listed or kept, so this stays an addition.
ADD = {
    "uk": {
        # personal and possessive pronouns
        "я", "мене", "мені", "мною", "нас", "нами", "тебе", "тобі", "тобою",
        "вами", "його", "йому", "ним", "ньому", "нього", "їй", "нею", "ній", "неї", "їм",
        "ними", "них", "себе", "собі", "собою",
        "мій", "моя", "моє", "мої", "мого", "моєї", "моїх", "моєму", "моїй", "мою", "моїм",
        "наш", "наша", "наше", "наші", "ваш", "ваша", "ваше", "ваші",
        "свій", "своя", "своє", "свої", "свого", "своєї", "своїх", "свою",
        # conjunctions
        "і", "а", "або", "бо", "щоб", "якщо",
        # prepositions
        "в", "у", "на", "за", "зі", "по", "при", "через", "над", "між", "біля", "о", "об",
        # particles and question words
        "же", "ж", "би", "ось", "вже", "ще", "теж", "лише", "тільки", "хіба",
        "хто", "чому", "звідки",  # not куди, "where to": a place to go, as де
        "шо", "ну", "тут", "там", "дуже",  # spoken "what", "well"; here, there, very
    },
    "ar": {
        # the spoken question words, relatives, demonstratives and pronouns
        # readers type ("شو أسوي", "مين يساعدني", "اللي وعدوني فيه"), and
        # "and" or "so" written onto a listed one (وما, فما, وانا)
        "شو", "ايش", "إيش", "شنو", "ليش", "ليه", "مين", "منو", "ازاي", "إزاي",
        "اللي", "إللي", "يلي", "هاد", "هاي", "هدول", "احنا", "إحنا", "انتو",
        "وما", "فما", "وانا", "واحنا",
    },
    "fa": {
        "مرا", "ترا", "تورا",  # "me", "you" with را, written as one word
        # spoken question words and pronouns: "چی بگم", "پلیس منو گرفت", "بهم گفت"
        "چی", "چطوری", "چجوری", "چیکار", "چکار", "اگه", "منو", "اینو", "اونو", "اون",
        "اونا", "بهم", "ازم", "باهام", "بهش", "ازش", "واسه", "واسم", "برام",
        # the plural ending with a pronoun, typed apart when a reader puts a
        # space for the zero-width non-joiner (بچه هایم for بچه‌هایم)
        "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
    },
    "fr": {
        "les", "ils", "elles", "leurs", "cette", "cet",  # articles and pronouns
        "si", "car", "donc",  # conjunctions
        "quoi", "comment", "quel", "quelle", "quels", "quelles",  # question words
    },
}


def listed(code):
    """The kept list a language's stop words come from, before ADD and KEEP."""
    if whoosh_lang.has_stopwords(code):
        found = set(whoosh_lang.stopwords_for_language(code))
        # Words split at apostrophes, so "didn't" reaches the search as "didn"
        # and "t": the first halves of stopwordsiso's contractions go too.
        if stopwordsiso.has_lang(code):
            found |= {word.split("'")[0] for word in stopwordsiso.stopwords(code)
                      if "'" in word.strip("'")}
        return found
    if stopwordsiso.has_lang(code):
        return set(stopwordsiso.stopwords(code))
    return set()


def source_list(code):
    """The words a language's stop words come from: its list and ADD, before KEEP."""
    return listed(code) | ADD.get(code, set())


def stop_words(code):
    """The stop words of a language, as typed; `analysis` normalises them."""
    return source_list(code) - KEEP.get(code, set())
