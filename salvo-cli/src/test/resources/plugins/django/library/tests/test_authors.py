import pytest
from django.db import IntegrityError, transaction

from library.models import Author, Book

pytestmark = pytest.mark.django_db


def test_an_author_is_saved():
    Author.objects.create(name="Ursula K. Le Guin")
    assert list(Author.objects.values_list("name", flat=True)) == ["Ursula K. Le Guin"]


def test_author_names_are_unique():
    Author.objects.create(name="Italo Calvino")
    with pytest.raises(IntegrityError), transaction.atomic():
        Author.objects.create(name="Italo Calvino")
    assert Author.objects.count() == 1


def test_deleting_an_author_keeps_the_books():
    """Fails on purpose: the foreign key cascades."""
    author = Author.objects.create(name="Stanislaw Lem")
    Book.objects.create(title="Solaris", author=author, pages=204)
    author.delete()
    assert Book.objects.count() == 1
