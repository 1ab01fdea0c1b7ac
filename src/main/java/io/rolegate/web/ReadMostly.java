package io.rolegate.web;

import java.util.Map;
import java.util.function.Function;

/**
 * Lookups in concurrent maps that are filled once and then read on every page view (message texts, time-zone names,
 * code titles).
 */
public final class ReadMostly {

    private ReadMostly() {
    }

    /**
     * The value for {@code key}, computed once with {@code compute} if absent. A present value is read with
     * {@code get}, which takes no lock: {@code ConcurrentHashMap#computeIfAbsent} locks the key's bin on every call
     * unless the key is the bin's first, and that lock was contended under load (docs/benchmarks.md, "Admission").
     *
     * @param map a concurrent map (the compute-once guarantee is {@code computeIfAbsent}'s)
     */
    public static <K, V> V get(Map<K, V> map, K key, Function<? super K, ? extends V> compute) {
        V known = map.get(key);
        return known != null ? known : map.computeIfAbsent(key, compute);
    }
}
