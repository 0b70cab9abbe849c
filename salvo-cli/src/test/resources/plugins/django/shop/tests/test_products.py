import pytest
from django.db import IntegrityError

from shop.models import Product


@pytest.mark.django_db
@pytest.mark.parametrize("sku, price", [("TEA-1", 450), ("MUG-2", 1200)])
def test_a_product_is_saved(sku, price):
    Product.objects.create(sku=sku, price_cents=price)
    assert Product.objects.get().price_cents == price


@pytest.mark.django_db(transaction=True)
def test_prices_update_in_one_query(django_assert_num_queries):
    Product.objects.bulk_create([Product(sku="A", price_cents=100), Product(sku="B", price_cents=200)])
    with django_assert_num_queries(1):
        Product.objects.update(price_cents=300)
    assert sorted(Product.objects.values_list("price_cents", flat=True)) == [300, 300]


@pytest.mark.django_db
@pytest.mark.xfail(raises=IntegrityError, reason="the database itself checks that a price is positive", strict=True)
def test_a_negative_price_is_refused():
    product = Product.objects.create(sku="C", price_cents=100)
    Product.objects.filter(pk=product.pk).update(price_cents=-1)
