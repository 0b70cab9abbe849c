from hypothesis import HealthCheck, Phase, settings

# A shared machine's pauses must not turn a property into a failure.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")
# `--hypothesis-profile=replay`: only the examples in the database, none generated, so a property
# fails only if its failing example was saved and reads back.
settings.register_profile("replay", settings.get_profile("suite"), phases=[Phase.explicit, Phase.reuse])
