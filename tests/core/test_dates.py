"""Dates as readers read them are remembered per process (core.dates): what a reader
sees must still follow the active language and time zone, whichever came first."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone, translation

from core.dates import long_datetime, machine_datetime, time_ago

MOMENT = datetime(2026, 12, 3, 17, 58, 4, tzinfo=UTC)


def test_a_long_date_follows_the_language_it_is_asked_in_each_time():
    seen = []
    for language in ("de", "en", "de", "en"):
        with translation.override(language):
            seen.append(long_datetime(MOMENT))
    german, english = seen[0], seen[1]
    assert "Dezember" in german and "December" not in german
    assert english.startswith("Dec. 3, 2026") and "Dezember" not in english
    assert seen == [german, english, german, english]
    assert long_datetime(None) == ""


def test_a_long_date_follows_the_readers_time_zone():
    with translation.override("en"):
        with timezone.override("Europe/Berlin"):
            berlin = long_datetime(MOMENT)
        with timezone.override("America/New_York"):
            new_york = long_datetime(MOMENT)
        with timezone.override("Europe/Berlin"):
            assert long_datetime(MOMENT) == berlin
    assert "6:58" in berlin and "12:58" in new_york


def test_the_same_moment_in_another_offset_is_the_same_date():
    # Equal instants are one key: the shown date is the zone's, not the value's offset.
    elsewhere = MOMENT.astimezone(timezone.get_fixed_timezone(-300))
    with translation.override("en"), timezone.override("Europe/Berlin"):
        assert long_datetime(elsewhere) == long_datetime(MOMENT)
        assert machine_datetime(elsewhere) == "2026-12-03T18:58:04+01:00"


def test_a_machine_date_follows_the_time_zone_each_time():
    with timezone.override("Europe/Berlin"):
        assert machine_datetime(MOMENT) == "2026-12-03T18:58:04+01:00"
    with timezone.override("UTC"):
        assert machine_datetime(MOMENT) == "2026-12-03T17:58:04+00:00"
    with timezone.override("Europe/Berlin"):
        assert machine_datetime(MOMENT) == "2026-12-03T18:58:04+01:00"


def test_the_same_age_reads_in_whichever_language_asks_for_it_next():
    now = MOMENT + timedelta(days=4, hours=2)
    for _ in range(2):
        with translation.override("en"):
            assert time_ago(MOMENT, now).replace("\xa0", " ") == "4 days ago"
        with translation.override("de"):
            assert time_ago(MOMENT, now).replace("\xa0", " ") == "vor 4 Tagen"


def test_a_scheduled_time_in_the_future_is_shown_as_a_long_date():
    with translation.override("de"):
        assert time_ago(MOMENT, MOMENT - timedelta(days=1)) == long_datetime(MOMENT)
