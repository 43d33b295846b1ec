package com.yieldpilot.execution.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuardrailProperties.class)
class ExecutionConfiguration {

}
