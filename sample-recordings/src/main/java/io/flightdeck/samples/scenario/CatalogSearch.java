package io.flightdeck.samples.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU hotspot: a product catalog looked up by SKU with a linear scan over a list, once per order line. The planted
 * hot method is {@link #findBySku(String)} (and, inside it, {@code String.equals}).
 */
final class CatalogSearch {
    private record Product(String sku, long priceCents) {
    }

    private final List<Product> products = new ArrayList<>();
    /** The fixed variant's index: SKU to product, built once. */
    private final Map<String, Product> bySku = new HashMap<>();
    private final boolean indexed;

    private CatalogSearch(int size, boolean indexed) {
        this.indexed = indexed;
        for (int i = 0; i < size; i++) {
            Product p = new Product("SKU-" + (100000 + i), 100 + i % 5000);
            products.add(p);
            bySku.put(p.sku(), p);
        }
    }

    /** The fix: a hash lookup instead of the scan. */
    Product findBySkuIndexed(String sku) {
        return bySku.get(sku);
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
            String sku = "SKU-" + (100000 + line);
            Product p = indexed ? findBySkuIndexed(sku) : findBySku(sku);
            if (p != null) {
                total += p.priceCents();
            }
        }
        return total;
    }

    static List<Thread> start(AtomicBoolean running) {
        return start(running, 2, false);
    }

    static List<Thread> start(AtomicBoolean running, int workers) {
        return start(running, workers, false);
    }

    /** {@code indexed}: the fixed variant, which looks products up in a hash map. */
    static List<Thread> start(AtomicBoolean running, int workers, boolean indexed) {
        CatalogSearch catalog = new CatalogSearch(20_000, indexed);
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
