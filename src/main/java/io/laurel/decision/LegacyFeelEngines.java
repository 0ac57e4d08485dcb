package io.laurel.decision;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.juel.TransformExpressionCacheKey;
import org.camunda.commons.utils.cache.Cache;

/**
 * Standalone DMN engines with legacy FEEL (the flavour of {@code dmn-feel-enable-legacy-behavior: true}),
 * for evaluating a parsed decision many times in a row.
 *
 * <p>Same answers as {@code enableFeelLegacyBehavior(true)} alone (LegacyFeelEnginesTest compares the two on
 * every table Laurel deploys); three differences in how (issue 8, P1):
 * <ul>
 * <li>input entries are compiled to JUEL once, not per evaluation ({@link CompiledUnaryTestsFeelEngine});</li>
 * <li>bare variable names and literals in input and output expressions skip JUEL ({@link DirectLookupElProvider});</li>
 * <li>the cache of input entries translated to JUEL is a plain concurrent map, emptied above its bound. The stock
 * cache is an LRU whose every hit removes and re-appends the key in a shared queue: about a sixth of the CPU time
 * of screening a roster, and a point where parallel threads meet.</li>
 * </ul>
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

            @Override
            protected FeelEngine createFeelEngine() {
                return new CompiledUnaryTestsFeelEngine(createFeelToJuelTransform(), createExpressionFactory(),
                        createElContextFactory(), createTransformExpressionCache(), MAX_CACHED_EXPRESSIONS);
            }
        });
        configuration.setElProvider(new DirectLookupElProvider());
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
