package io.laurel.decision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.juel.TransformExpressionCacheKey;
import org.camunda.commons.utils.cache.Cache;

/**
 * Standalone DMN engines with legacy FEEL (the flavour of {@code dmn-feel-enable-legacy-behavior: true}),
 * for evaluating a parsed decision many times in a row.
 *
 * <p>The only difference from {@code enableFeelLegacyBehavior(true)} alone is the cache of FEEL input
 * entries translated to JUEL. The stock cache is an LRU whose every hit removes and re-appends the key in a
 * shared queue; with one lookup per input entry per evaluation, that was about a sixth of the CPU time of
 * screening a roster, and a point where parallel threads meet. The cache here is a plain concurrent map,
 * emptied when it exceeds its bound (the entries of the deployed tables are a few hundred strings at most).
 */
public final class LegacyFeelEngines {

    static final int MAX_CACHED_EXPRESSIONS = 10_000;

    private LegacyFeelEngines() {
    }

    public static DmnEngine create() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(new FeelEngineFactoryImpl() {
            @Override
            protected Cache<TransformExpressionCacheKey, String> createTransformExpressionCache() {
                return new BoundedMapCache<>(MAX_CACHED_EXPRESSIONS);
            }
        });
        return configuration.enableFeelLegacyBehavior(true).buildEngine();
    }

    static final class BoundedMapCache<K, V> implements Cache<K, V> {

        private final Map<K, V> map = new ConcurrentHashMap<>();
        private final int capacity;

        BoundedMapCache(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public void put(K key, V value) {
            if (map.size() >= capacity) {
                map.clear();
            }
            map.put(key, value);
        }

        @Override
        public void clear() {
            map.clear();
        }

        @Override
        public void remove(K key) {
            map.remove(key);
        }

        @Override
        public Set<K> keySet() {
            return map.keySet();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }
    }
}
