"""Single opening and closing times, clock times in Chinese and Korean numerals, and how partial
schedules compare (consistency/judge/slots_hours.py)."""

import pytest

from consistency.judge.slots import compare, extract_slots, slot_features
from consistency.judge.slots_hours import ALL_DAYS, WEEKDAYS, Schedule, schedules_conflict

THU = frozenset({3})
WEEKEND = frozenset({5, 6})


def hours(text, lang):
    return [s for s in extract_slots(text, lang) if s.type == "hours"]


def one_hours(text, lang):
    (slot,) = hours(text, lang)
    assert text[slot.start:slot.end] == slot.text  # spans index the original text
    return slot


# --- single closing and opening times -------------------------------------------------------
@pytest.mark.parametrize("text, lang, value", [
    ("Our Leeds shop stays open until 8pm on Thursdays.", "en", Schedule(THU, None, 1200)),
    ("Every studio closes at 6:30pm.", "en", Schedule(None, None, 1110)),
    ("The tailoring counter is open till 7 p.m. on weekdays.", "en", Schedule(WEEKDAYS, None, 1140)),
    ("Evening pickup ends at 9pm.", "en", Schedule(None, None, 1260)),
    ("Our rooftop café is open until midnight on Saturdays.", "en", Schedule(frozenset({5}), None, 1440)),
    ("Our outlet opens at 11am on Sundays.", "en", Schedule(frozenset({6}), 660, None)),
    ("The showroom is open from 10am every day.", "en", Schedule(ALL_DAYS, 600, None)),
    ("Customer care is available from 8am.", "en", Schedule(None, 480, None)),
    ("يغلق معرضنا في جدة عند الساعة ٩ مساءً.", "ar", Schedule(None, None, 1260)),
    ("خدمة العملاء متاحة حتى ١١ مساءً يوميًا.", "ar", Schedule(ALL_DAYS, None, 1380)),
    ("يفتح المتجر أبوابه من الواحدة ظهرًا يوم الجمعة.", "ar", Schedule(frozenset({4}), 780, None)),
    ("توصيل الطلبات يمتد حتى الساعة ٢ فجرًا", "ar", Schedule(None, None, 120)),
    ("旗舰店营业到晚上九点半。", "zh", Schedule(None, None, 1290)),
    ("快递柜取件晚上十点前都可以。", "zh", Schedule(None, None, 1320)),
    ("周末客服至晚上九點。", "zh", Schedule(WEEKEND, None, 1260)),
    ("门店上午十点起营业。", "zh", Schedule(None, 600, None)),
    ("周六门店晚上八点关门。", "zh", Schedule(frozenset({5}), None, 1200)),
    ("매장은 밤 10시까지 운영합니다.", "ko", Schedule(None, None, 1320)),
    ("새벽 배송은 오전 6시 전까지 도착합니다.", "ko", Schedule(None, None, 360)),
    ("주말에는 오후 1시부터 상담해 드려요.", "ko", Schedule(WEEKEND, 780, None)),
    ("평일 매장 영업은 저녁 여덟 시에 종료됩니다.", "ko", Schedule(WEEKDAYS, None, 1200)),
    ("고객센터는 9시까지 전화를 받습니다.", "ko", Schedule(None, None, 1260)),  # no am/pm: a closing 9 is 9pm
])
def test_single_opening_and_closing_times(text, lang, value):
    assert one_hours(text, lang).value == value


# --- English hours in words --------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("Our stores are open from ten in the morning until eight at night.", Schedule(None, 600, 1200)),
    ("On weekdays we're open from half past nine to half past five.", Schedule(WEEKDAYS, 570, 1050)),
    ("Saturdays: from nine in the morning till six in the evening.", Schedule(frozenset({5}), 540, 1080)),
    ("The shop opens at ten o'clock.", Schedule(None, 600, None)),
    ("Lines open at half past 8.", Schedule(None, 510, None)),
    ("We close at quarter to nine on Fridays.", Schedule(frozenset({4}), None, 1245)),
    ("The bar is open until twelve at night.", Schedule(None, None, 1440)),
])
def test_english_hours_in_words(text, value):
    assert one_hours(text, "en").value == value


def test_english_number_words_without_a_time_word_are_no_times():
    assert one_hours("One of our stores opens seven days a week.", "en").value == Schedule(ALL_DAYS, None, None)
    assert hours("Buy two, get one free at eight stores.", "en") == []
    assert [s.type for s in extract_slots("Half of our stores open at 9am.", "en")] == ["percent", "hours"]


def test_a_time_in_words_conflicts_with_the_same_schedule_in_digits():
    conflict = compare("Our stores are open 10am to 6pm every day.", "en",
                       "Our stores are open from ten in the morning until eight at night every day.", "en")
    assert conflict is not None and "daily 10:00–20:00" in conflict.reason
    assert compare("Our stores are open 10am to 8pm every day.", "en",
                   "Our stores are open from ten in the morning until eight at night every day.", "en") is None


@pytest.mark.parametrize("text, lang, days", [
    ("Open every day except Sundays, 9am to 5pm.", "en", frozenset(range(6))),
    ("Our latest window is 8–10pm, every day but Sunday.", "en", frozenset(range(6))),
    ("Open daily except Monday, 10am–6pm.", "en", frozenset(range(1, 7))),
    ("除周一外，每天10:00-22:00营业。", "zh", frozenset(range(1, 7))),
    ("월요일을 제외하고 매일 오전 10시부터 오후 8시까지 영업합니다.", "ko", frozenset(range(1, 7))),
    ("نعمل يوميًا باستثناء الجمعة من ٩ صباحًا إلى ٥ مساءً.", "ar", frozenset({0, 1, 2, 3, 5, 6})),
])
def test_every_day_except_leaves_the_excepted_days_out(text, lang, days):
    assert one_hours(text, lang).value.days == days


@pytest.mark.parametrize("text, lang, value", [
    ("Message us on WhatsApp between 7am and 11pm.", "en", Schedule(None, 420, 1380)),
    ("Calls are answered between 9am and 5pm, Monday to Friday.", "en", Schedule(WEEKDAYS, 540, 1020)),
    ("نرد على المكالمات بين الساعة ٩ صباحًا و٥ مساءً.", "ar", Schedule(None, 540, 1020)),
])
def test_between_two_times_is_a_range(text, lang, value):
    assert one_hours(text, lang).value == value


def test_one_named_day_with_the_same_times_does_not_deny_the_other_days():
    mon_sat = Schedule(frozenset(range(6)), 1080, 1320)
    assert not schedules_conflict(mon_sat, Schedule(THU, 1080, 1320))
    assert schedules_conflict(mon_sat, Schedule(THU, 1080, 1260))  # a time both state still differs
    assert schedules_conflict(mon_sat, Schedule(WEEKDAYS, 1080, 1320))  # two day sets that differ


def test_off_on_days_is_closed_but_a_discount_is_not():
    assert one_hours("Our care team is off Saturdays and Sundays.", "en").value.days == WEEKDAYS
    assert not hours("Get 20% off Saturdays.", "en")


def test_right_through_to_a_time_is_a_closing_time():
    assert one_hours("Sunday slots now go right through to 8pm.", "en").value == Schedule(frozenset({6}), None, 1200)


def test_days_outside_the_set_are_no_exception():
    assert one_hours("Open weekdays but Saturdays 10am to 2pm.", "en").value.days == frozenset({5})


def test_but_after_a_comma_starts_another_schedule_not_an_exception():
    (slot,) = hours("Open every day, but on Sundays we close at 4pm.", "en")
    assert slot.value == Schedule(frozenset({6}), None, 960)


def test_an_opening_then_a_closing_time_is_one_range():
    assert one_hours("Our studio opens at 9am and closes at 7pm.", "en").value == Schedule(None, 540, 1140)
    assert one_hours("체험관은 평일 오전 10시에 문을 열고 오후 6시에 닫습니다.", "ko").value == Schedule(WEEKDAYS, 600, 1080)


def test_days_go_with_the_time_beside_them():
    got = [s.value for s in hours("Phone support runs 8am–8pm on weekdays, and until 5pm on Saturdays.", "en")]
    assert got == [Schedule(WEEKDAYS, 480, 1200), Schedule(frozenset({5}), None, 1020)]
    got = [s.value for s in hours("客服热线平日服务到晚上十点，周末提早于下午五点结束。", "zh")]
    assert got == [Schedule(WEEKDAYS, None, 1320), Schedule(WEEKEND, None, 1020)]
    got = [s.value for s in hours("평일에는 오전 9시에 문을 열고 주말에는 10시에 엽니다.", "ko")]
    assert got == [Schedule(WEEKDAYS, 540, None), Schedule(WEEKEND, 600, None)]


@pytest.mark.parametrize("text, lang", [
    ("We post new arrivals at 9pm every night.", "en"),  # a time with no opening or closing role
    ("The live show begins at 12 sharp.", "en"),  # unmarked
    ("Our team replies within 2 hours.", "en"),
    ("Support is open 24 hours on launch day.", "en"),
    ("We keep lockers for 48 hours.", "en"),
    ("Prices hold until 31 December.", "en"),
    ("每晚九点推送新品。", "zh"),
    ("晚一点到也没关系。", "zh"),  # 一点: a little
    ("有效期至3月31日。", "zh"),
    ("답변은 세 시간 안에 드려요.", "ko"),
    ("배송은 보통 1~2시간 걸립니다.", "ko"),  # hours of duration, not 1:00–2:00
    ("이번 혜택은 한시적으로 제공됩니다.", "ko"),
    ("العرض ساري حتى ٣٠ يومًا", "ar"),
    ("Orders placed before 2pm leave our warehouse the same day.", "en"),  # an order cutoff
    ("下午三点前下单当天发货。", "zh"),
    ("On Christmas Eve our stores close at 4pm.", "en"),  # one occasion's hours
    ("We do not send texts from 9pm until 8am the next day.", "en"),  # overnight
])
def test_times_without_a_role_durations_and_dates_are_not_hours(text, lang):
    assert hours(text, lang) == []


# --- clock times in Chinese and Korean numerals ------------------------------------------------
@pytest.mark.parametrize("text, lang, value", [
    ("周日门店营业时间为上午十点至晚上七点。", "zh", Schedule(frozenset({6}), 600, 1140)),
    ("客服热线早八点到晚十点在线。", "zh", Schedule(None, 480, 1320)),
    ("试衣间预约时段为上午九点到十一点。", "zh", Schedule(None, 540, 660)),
    ("門市營業時間為每日上午十一點至晚上九點半。", "zh", Schedule(ALL_DAYS, 660, 1290)),
    ("每天下午两点到五点提供免费改衣服务。", "zh", Schedule(ALL_DAYS, 840, 1020)),
    ("택배는 아침 여덟 시에서 열 시 사이에 도착합니다.", "ko", Schedule(None, 480, 600)),
    ("상담은 오전 아홉 시부터 오후 여섯 시까지입니다.", "ko", Schedule(None, 540, 1080)),
    ("평일 열한 시부터 밤 열두 시까지 영업합니다.", "ko", Schedule(WEEKDAYS, 660, 1440)),
])
def test_numeral_hours(text, lang, value):
    assert one_hours(text, lang).value == value


def test_arabic_indic_digits_keep_offsets():
    text = "نفتح أبوابنا يوميًا من ١٠ صباحًا حتى ١٠ مساءً، ونغلق يوم الجمعة."
    slot = hours(text, "ar")[0]
    assert slot.value == Schedule(ALL_DAYS, 600, 1320)
    assert text[slot.start:slot.end] == slot.text and "١٠ مساءً" in slot.text


# --- comparing partial schedules ----------------------------------------------------------------
@pytest.mark.parametrize("a, la, b, lb", [
    ("Our stores stay open until 9pm on Thursdays.", "en", "On Thursdays every store now closes at 7pm.", "en"),
    ("Our stores close at 6pm every day.", "en", "Our stores are open daily from 10am to 10pm.", "en"),
    ("تغلق جميع فروعنا عند الساعة ٧ مساءً يوميًا.", "ar", "فروعنا مفتوحة يوميًا من ٩ صباحًا حتى ٩ مساءً.", "ar"),
    ("Our stores open at 11am.", "en", "Our stores are open 9am to 6pm.", "en"),
    ("Our support line is open 24/7.", "en", "Our support line closes at 10pm.", "en"),
    ("晚间配送最晚只送到晚上九点。", "zh", "晚间配送时段为19:00至23:00。", "zh"),
    ("저녁 배송은 밤 9시 전까지만 도착해요.", "ko", "저녁 배송 시간대는 오후 7시부터 11시까지입니다.", "ko"),
    ("周六门店营业到晚上八点。", "zh", "Our stores close at 6pm on Saturdays.", "en"),
    ("Our stores close at 7pm every day.", "en", "Our stores stay open until 9pm on Fridays.", "en"),
])
def test_partial_schedules_that_conflict(a, la, b, lb):
    got = compare(a, la, b, lb)
    assert got is not None and got.code == "C105"


@pytest.mark.parametrize("a, la, b, lb", [
    ("Our stores open at 10am.", "en", "Our stores close at 8pm.", "en"),  # opening vs closing: not comparable
    ("Our stores close at 9pm.", "en", "我们的门店晚上九点关门。", "zh"),  # the same closing time
    ("Our stores are open until 9pm.", "en", "Our stores are open 10am to 9pm.", "en"),  # the range agrees
    ("On Saturdays our stores close at 6pm.", "en", "On weekdays our stores close at 9pm.", "en"),  # other days
    ("We post new arrivals at 9pm every night.", "en", "Our stores close at 7pm.", "en"),  # no role
    ("Our team replies within 2 hours.", "en", "Our support line closes at 6pm.", "en"),  # a duration
    ("매장은 밤 10시까지 운영합니다.", "ko", "Our stores are open until 10pm.", "en"),
])
def test_partial_schedules_that_do_not_conflict(a, la, b, lb):
    got = compare(a, la, b, lb)
    assert got is None or got.code != "C105"


def test_schedules_conflict_on_partial_values():
    until_9, until_7 = Schedule(THU, None, 1260), Schedule(THU, None, 1140)
    assert schedules_conflict(until_9, until_7)
    assert schedules_conflict(Schedule(None, None, 1080), Schedule(ALL_DAYS, 600, 1320))
    assert schedules_conflict(Schedule(None, 660, None), Schedule(None, 540, 1080))
    assert schedules_conflict("24/7", Schedule(None, None, 1320))
    assert not schedules_conflict(Schedule(None, 600, None), Schedule(None, None, 1200))
    assert not schedules_conflict(Schedule(frozenset({5}), None, 1080), Schedule(WEEKDAYS, None, 1260))
    # a partial schedule's days say when its time applies: daily until 21:00 holds on Thursdays
    assert not schedules_conflict(Schedule(THU, None, 1260), Schedule(ALL_DAYS, 600, 1260))
    # full schedules keep their day sets: Mon–Fri against every day still conflicts
    assert schedules_conflict(Schedule(WEEKDAYS, 540, 1020), Schedule(ALL_DAYS, 540, 1020))


def test_partial_schedules_read_in_reasons():
    assert str(Schedule(THU, None, 1260)) == "Thu until 21:00"
    assert str(Schedule(None, 780, None)) == "from 13:00"
    assert str(Schedule(WEEKDAYS, 600, None)) == "Mon–Fri from 10:00"
    got = compare("Our stores stay open until 9pm on Thursdays.", "en",
                  "On Thursdays every store now closes at 7pm.", "en")
    assert "Thu until 21:00" in got.reason and "Thu until 19:00" in got.reason
    assert "unspecified hours" not in got.reason


def test_a_closing_time_that_a_range_states_too_agrees_with_it():
    assert compare("Our stores are open 10am to 9pm every day.", "en", "Our stores stay open until 9pm.", "en") is None
    assert slot_features("Our stores are open 10am to 9pm every day.", "en", "Our stores stay open until 9pm.",
                         "en")["equal"] == 1.0


def test_hours_that_agree_on_some_days_still_conflict_on_the_others():
    got = compare("Our support line answers every day until 9pm.", "en",
                  "Our support line answers until 9pm on weekdays and until 6pm at weekends.", "en")
    assert got is not None and got.code == "C105"
