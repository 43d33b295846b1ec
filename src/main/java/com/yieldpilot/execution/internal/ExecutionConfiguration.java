package com.yieldpilot.execution.internal;

import com.yieldpilot.execution.internal.pipeline.ExecutionProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GuardrailProperties.class, ExecutionProperties.class })
class ExecutionConfiguration {

}
