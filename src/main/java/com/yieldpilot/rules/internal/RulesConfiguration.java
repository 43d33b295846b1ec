package com.yieldpilot.rules.internal;

import com.yieldpilot.rules.Entitlements;
import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import tools.jackson.databind.JacksonModule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default plan for everyone, which steps aside once billing defines its own
 * {@link Entitlements} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DefaultPlanProperties.class, RuntimeProperties.class })
class RulesConfiguration {

	@Bean
	@ConditionalOnMissingBean(Entitlements.class)
	Entitlements defaultEntitlements(DefaultPlanProperties plan) {
		PlanLimits limits = plan.limits();
		return user -> limits;
	}

	/**
	 * The engine's generic rules, compiled once per node (a few seconds at start) and
	 * shared by the shards' engines and the scheduled runs' one-run engines.
	 */
	@Bean
	NetworkRules networkRules() {
		return NetworkRules.load();
	}

	/**
	 * The kinds of actions and amounts in JSON, so the registry can read an
	 * {@code IntentProposed} back.
	 */
	@Bean
	JacksonModule ruleActionJson() {
		return ActionJson.module();
	}

}
