"""The one rate limiter: counts per scope and subject, tells a refused subject when
its window ends, and refuses to start with a limit it cannot read."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.utils import translation

from core.ratelimit import Rate, Verdict, allow, undo

ROOT = Path(__file__).resolve().parents[2]
FIVE_PER_TEN_MINUTES = Rate.parse("5/600")


def test_a_refused_subject_is_told_the_seconds_until_its_window_ends():
    with time_machine.travel(1_800_000_000, tick=False) as traveller:
        for _ in range(5):
            assert allow(scope="t", subject="a", rate=FIVE_PER_TEN_MINUTES)
        traveller.shift(100)
        assert allow(scope="t", subject="a", rate=FIVE_PER_TEN_MINUTES) == Verdict(False, 500)
        # Others are counted apart.
        assert allow(scope="t", subject="b", rate=FIVE_PER_TEN_MINUTES)
        assert allow(scope="other", subject="a", rate=FIVE_PER_TEN_MINUTES)


def test_once_the_window_has_ended_the_subject_may_go_on():
    # Real time, not a time machine: a Redis cache expires keys by its own clock.
    rate = Rate.parse("1/1")
    assert allow(scope="t", subject="a", rate=rate)
    assert not allow(scope="t", subject="a", rate=rate)
    time.sleep(1.1)
    assert allow(scope="t", subject="a", rate=rate)


def test_an_undone_action_gives_its_place_back():
    rate = Rate.parse("1/600")
    assert allow(scope="t", subject="a", rate=rate)
    undo(scope="t", subject="a")
    assert allow(scope="t", subject="a", rate=rate)
    assert not allow(scope="t", subject="a", rate=rate)
    undo(scope="t", subject="never counted")  # nothing to take back, and no error


@pytest.mark.parametrize(
    ("seconds", "english", "german"),
    [
        (1, "Please try again in 1 minute.", "Bitte versuchen Sie es in 1 Minute noch einmal."),
        (61, "Please try again in 2 minutes.", "Bitte versuchen Sie es in 2 Minuten noch einmal."),
        (
            3600,
            "Please try again in 60 minutes.",
            "Bitte versuchen Sie es in 60 Minuten noch einmal.",
        ),
        (7000, "Please try again in 2 hours.", "Bitte versuchen Sie es in 2 Stunden noch einmal."),
    ],
)
def test_the_wait_is_told_rounded_up_so_that_waiting_that_long_is_enough(seconds, english, german):
    with translation.override("en"):
        assert Verdict(False, seconds).try_again() == english
    with translation.override("de"):
        assert Verdict(False, seconds).try_again() == german


@pytest.mark.parametrize("text", ["5", "5/0", "-1/60", "five/60", "5/60/2", ""])
def test_a_rate_is_count_slash_seconds(text):
    with pytest.raises(ValueError, match="COUNT/SECONDS"):
        Rate.parse(text)


def test_the_site_does_not_start_with_a_limit_it_cannot_read():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "ACCOUNTS_LOGIN_RATE": "5"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "ACCOUNTS_LOGIN_RATE: a rate is COUNT/SECONDS" in result.stderr
