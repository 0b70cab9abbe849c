"""The demo's bench: a regulator whose output drifts a little with temperature."""


def read_voltage(supply, temperature):
    print("reading the regulator at %s V, %s C" % (supply, temperature))
    return round(3.30 + (temperature - 25) * 0.001, 3)
