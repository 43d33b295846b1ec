package com.yieldpilot.market.internal.chain;

import java.util.Map;
import java.util.TreeSet;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.market.internal.store.RegistryStore;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Makes every chain configured with {@code yieldpilot.chain.rpc.<chain>} a market source
 * when {@code yieldpilot.market.chain.enabled=true}: one {@code chain-<name>} bean per
 * chain, registered from the configuration, so the refresh records, switches and reports
 * each chain on its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("yieldpilot.market.chain.enabled")
@EnableConfigurationProperties(ChainSourceProperties.class)
@Import(ChainSourceConfiguration.Sources.class)
class ChainSourceConfiguration {

	/** One source bean per configured chain. */
	static class Sources implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			// the chains the chain module has clients for: the keys of its rpc map
			Map<String, String[]> rpc = Binder.get(environment)
				.bind("yieldpilot.chain.rpc", Bindable.mapOf(String.class, String[].class))
				.orElse(Map.of());
			for (String chain : new TreeSet<>(rpc.keySet())) {
				registry.registerBean("chainSource-" + chain, ChainSource.class,
						spec -> spec.supplier(context -> source(chain, context.bean(ChainClients.class),
								context.bean(RegistryStore.class), context.bean(ChainSourceProperties.class))));
			}
		}

		private static ChainSource source(String chain, ChainClients clients, RegistryStore registry,
				ChainSourceProperties properties) {
			return new ChainSource(chain, clients, () -> registry.onChain(chain), properties.maxPriceAge(),
					properties.apyWindow());
		}

	}

}
