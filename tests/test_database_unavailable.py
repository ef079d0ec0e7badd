"""A database that drops out mid-request gives a clean 503; a query error is
a bug and stays a 500 (logged), never disguised as an outage."""

import logging
import sqlite3

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError, connection
from django.test import Client

from lms.middleware import DatabaseUnavailableMiddleware, is_connection_failure
from tests import factories

pytestmark = pytest.mark.django_db


def wrapped(django_class, driver_error):
    """A driver error wrapped the way Django's ``DatabaseErrorWrapper`` does."""
    error = django_class(*driver_error.args)
    error.__cause__ = driver_error
    return error


def real_sqlite_error(sql=None, path=":memory:"):
    try:
        sqlite3.connect(path).execute(sql or "SELECT 1")
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def real_postgres_connection_error():
    try:
        psycopg.connect("host=127.0.0.1 port=1 connect_timeout=1")
    except psycopg.OperationalError as error:
        return error
    raise AssertionError("no error")


CONNECTION_FAILURES = {
    "sqlite cannot open": lambda: wrapped(
        OperationalError, real_sqlite_error(path="/nonexistent/dir/db.sqlite3")
    ),
    "postgres unreachable": lambda: wrapped(
        OperationalError, real_postgres_connection_error()
    ),
    "postgres admin shutdown": lambda: wrapped(
        OperationalError,
        psycopg.errors.AdminShutdown("terminating connection due to administrator"),
    ),
    "postgres connection closed": lambda: wrapped(
        InterfaceError, psycopg.InterfaceError("connection already closed")
    ),
}

QUERY_ERRORS = {
    "sqlite syntax": lambda: wrapped(
        OperationalError, real_sqlite_error("SELECT * FROM t WHERE t MATCH '\"'")
    ),
    "sqlite no such table": lambda: wrapped(
        OperationalError, real_sqlite_error("SELECT * FROM no_such_table")
    ),
    "postgres statement timeout": lambda: wrapped(
        OperationalError,
        psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
    ),
    "not from a driver": lambda: OperationalError("raised by our own code"),
}


@pytest.mark.parametrize("make", CONNECTION_FAILURES.values(), ids=CONNECTION_FAILURES)
def test_connection_failures_mean_unavailable(make):
    assert is_connection_failure(make())


@pytest.mark.parametrize("make", QUERY_ERRORS.values(), ids=QUERY_ERRORS)
def test_query_errors_are_not_outages(make):
    assert not is_connection_failure(make())


def test_pages_answer_503_with_retry_after(client, home_page, monkeypatch):
    client.force_login(factories.make_user())

    def gone(*args, **kwargs):
        raise CONNECTION_FAILURES["postgres admin shutdown"]()

    monkeypatch.setattr("lms.home.learning.dashboard", gone)
    response = client.get("/th/learn/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "ลองใหม่" in response.content.decode()


def test_api_answers_503_as_json():
    class Request:
        path = "/api/v1/courses"

    response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(
        Request(), CONNECTION_FAILURES["postgres unreachable"]()
    )
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert b'"code": "unavailable"' in response.content


def test_a_real_query_error_is_a_logged_500(home_page, monkeypatch, caplog):
    """A real failing query on this database (SQLite: OperationalError,
    PostgreSQL: ProgrammingError) surfaces as a 500 and is logged."""
    user = factories.make_user()

    def broken_query(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT no_such_column FROM no_such_table")

    monkeypatch.setattr("lms.home.learning.dashboard", broken_query)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/th/learn/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert any(
        isinstance(r.exc_info[1], OperationalError | ProgrammingError)
        for r in caplog.records
        if r.exc_info
    )


def test_other_errors_are_left_alone():
    assert (
        DatabaseUnavailableMiddleware(lambda r: None).process_exception(
            None, ValueError()
        )
        is None
    )
