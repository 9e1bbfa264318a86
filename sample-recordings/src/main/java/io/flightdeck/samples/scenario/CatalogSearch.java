package io.flightdeck.samples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU hotspot: a product catalog looked up by SKU with a linear scan over a list, once per order line. The planted
 * hot method is {@link #findBySku(String)} (and, inside it, {@code String.equals}).
 */
final class CatalogSearch {
    private record Product(String sku, long priceCents) {
    }

    private final List<Product> products = new ArrayList<>();

    private CatalogSearch(int size) {
        for (int i = 0; i < size; i++) {
            products.add(new Product("SKU-" + (100000 + i), 100 + i % 5000));
        }
    }

    Product findBySku(String sku) {
        for (Product p : products) {
            if (p.sku().equals(sku)) {
                return p;
            }
        }
        return null;
    }

    long priceOrder(int[] lines) {
        long total = 0;
        for (int line : lines) {
            Product p = findBySku("SKU-" + (100000 + line));
            if (p != null) {
                total += p.priceCents();
            }
        }
        return total;
    }

    static List<Thread> start(AtomicBoolean running) {
        return start(running, 2);
    }

    static List<Thread> start(AtomicBoolean running, int workers) {
        CatalogSearch catalog = new CatalogSearch(20_000);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int seed = w;
            threads.add(Scenario.thread("order-pricer-" + w, () -> {
                int[] lines = new int[16];
                long n = seed;
                while (running.get()) {
                    for (int i = 0; i < lines.length; i++) {
                        n = n * 6364136223846793005L + 1442695040888963407L;
                        lines[i] = (int) ((n >>> 33) % 20_000);
                    }
                    Sink.accept(catalog.priceOrder(lines));
                }
            }));
        }
        return threads;
    }
}
