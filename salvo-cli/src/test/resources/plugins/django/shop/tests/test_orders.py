import pytest
from django.db.models import ProtectedError

from shop.models import Order, Product


@pytest.fixture
def tea(db):
    return Product.objects.create(sku="TEA-1", price_cents=450)


def test_an_orders_total(tea):
    order = Order.objects.create(product=tea, quantity=3)
    assert Order.objects.get(pk=order.pk).total_cents() == 1350


def test_an_ordered_product_cannot_be_deleted(tea):
    Order.objects.create(product=tea, quantity=1)
    with pytest.raises(ProtectedError):
        tea.delete()


@pytest.mark.django_db(transaction=True)
def test_committed_orders_are_all_this_test_sees(tea):
    Order.objects.bulk_create(Order(product=tea, quantity=q) for q in range(1, 5))
    assert Order.objects.count() == 4
