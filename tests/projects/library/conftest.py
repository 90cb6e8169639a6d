"""Clients per role for the library's pages, in the world of tests/projects/conftest.py."""

from django.test import Client

from ...world import World


def client_for(world: World, user: str, language: str = "zh-hans") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(world[user])
    client.cookies["tuijin_language"] = language
    return client
