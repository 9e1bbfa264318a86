package io.flightdeck.analysis;

import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sample profiles, imported once per test run. */
public final class Fixtures {
    private static final Map<String, Profile> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    public static Profile sample(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return ProfileLoader.withDefaults().load(TestFiles.sample(n));
            } catch (ImportException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
