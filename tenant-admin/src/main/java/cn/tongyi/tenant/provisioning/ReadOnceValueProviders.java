package cn.tongyi.tenant.provisioning;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.configuration.ConfigurationValueProvider;
import liquibase.configuration.LiquibaseConfiguration;
import liquibase.configuration.core.EnvironmentValueProvider;
import liquibase.configuration.core.SystemPropertyValueProvider;

/**
 * Liquibase looks its settings up thousands of times in one update, and its environment and system-property providers
 * copy and hash the whole environment and every system property on each lookup, to notice a change: about half the
 * CPU of an onboarding at 5,000 branches (bench/scale, JFR). They are replaced by the same providers reading both once,
 * when the migrator is created: a {@code LIQUIBASE_…} variable or {@code liquibase.…} property set before the process
 * starts still applies.
 */
final class ReadOnceValueProviders {

    private ReadOnceValueProviders() {
    }

    static void install() {
        LiquibaseConfiguration configuration = Scope.getCurrentScope().getSingleton(LiquibaseConfiguration.class);
        for (ConfigurationValueProvider provider : List.copyOf(configuration.getProviders())) {
            if (provider.getClass() == EnvironmentValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new Environment());
            } else if (provider.getClass() == SystemPropertyValueProvider.class) {
                configuration.unregisterProvider(provider);
                configuration.registerProvider(new SystemProperties());
            }
        }
    }

    private static Map<?, ?> frozen(Map<?, ?> values) {
        return Collections.unmodifiableMap(new HashMap<>(values));
    }

    private static final class Environment extends EnvironmentValueProvider {

        private final Map<?, ?> values = frozen(super.getMap());

        @Override
        protected Map<?, ?> getMap() {
            return values;
        }

        /** Never changes, so what was looked up once stays known. */
        @Override
        protected int getMapHash() {
            return 0;
        }
    }

    private static final class SystemProperties extends SystemPropertyValueProvider {

        private final Map<?, ?> values = frozen(super.getMap());

        @Override
        protected Map<?, ?> getMap() {
            return values;
        }

        @Override
        protected int getMapHash() {
            return 0;
        }
    }
}
