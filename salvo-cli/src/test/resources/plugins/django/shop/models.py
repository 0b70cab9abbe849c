from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    price_cents = models.PositiveIntegerField()


class Order(models.Model):
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="orders")
    quantity = models.PositiveIntegerField()

    def total_cents(self):
        return self.quantity * self.product.price_cents
