package com.yieldpilot.shell;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser chain: Vaadin views behind a password log-in with a session and CSRF
 * protection. It comes after the stateless API and actuator chains and catches everything
 * they do not. Absent when the application runs a command without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain browserChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/images/**", "/icons/**").permitAll());
		return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
	}

}
