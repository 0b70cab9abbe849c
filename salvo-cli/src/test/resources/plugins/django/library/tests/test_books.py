import pytest
from django.db.models import Sum

from library.models import Author, Book


@pytest.mark.django_db
def test_an_authors_books():
    author = Author.objects.create(name="Jorge Luis Borges")
    for title, pages in [("Ficciones", 174), ("El Aleph", 146)]:
        Book.objects.create(title=title, author=author, pages=pages)
    assert author.books.aggregate(total=Sum("pages"))["total"] == 320


@pytest.mark.django_db(transaction=True)
def test_committed_books_are_all_this_test_sees():
    """Commits for real, then counts: another process writing to the same database would show here."""
    author = Author.objects.create(name="Octavia E. Butler")
    Book.objects.bulk_create(Book(title="Kindred %d" % i, author=author, pages=264) for i in range(3))
    assert Book.objects.count() == 3


def test_the_database_is_out_of_reach_without_the_mark():
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Author.objects.count()
