package com.yieldpilot.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The stateless chains: the REST API under {@code /api/} and the actuator endpoints. Both
 * authenticate with bearer tokens only, keep no session and need no CSRF token. The
 * browser chain lives in the shell module. Method security stays on when the application
 * runs a command without a web server; the chains then do not exist.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenAuthenticator authenticator,
			ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.hasAnyRole("FARMER", "ADMIN"));
		return stateless(http, authenticator, strategy).build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain actuatorChain(HttpSecurity http, BearerTokenAuthenticator authenticator,
			ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.requestMatchers(EndpointRequest.to("prometheus"))
				.hasAnyAuthority("ROLE_ADMIN", BearerTokenAuthenticator.METRICS_SCRAPE)
				.anyRequest()
				.hasRole("ADMIN"));
		return stateless(http, authenticator, strategy).build();
	}

	/** The API's OpenAPI description and Swagger UI: public, read-only documentation. */
	@Bean
	@Order(3)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * The error page a failed request is forwarded to. The servlet container forwards an
	 * exception no handler resolved to {@code /error}, which no other chain matches as an
	 * API path: the browser chain answered it with a redirect to the log-in page, so an
	 * API client got a 302 to HTML for a server error. Open, so the client gets the
	 * status and Spring Boot's error body (no message, no stack trace).
	 */
	@Bean
	@Order(4)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain errorChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/error")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/** Every operation takes a personal API token as a bearer token. */
	@Bean
	OpenAPI yieldPilotApi() {
		return new OpenAPI()
			.info(new Info().title("YieldPilot API")
				.version("v1")
				.description("Farmers' rules, pools and tokens. Send a personal API token (Account screen) as "
						+ "'Authorization: Bearer <token>'."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/**
	 * The filters use the application's strategy bean (Vaadin's, which also serves the
	 * browser chain), never the JVM-wide static holder: another application in the same
	 * JVM, such as a test's second node, may replace it.
	 */
	private static HttpSecurity stateless(HttpSecurity http, BearerTokenAuthenticator authenticator,
			ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
		SecurityContextHolderStrategy contexts = strategy
			.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
		return http.addFilterBefore(new BearerTokenFilter(authenticator, contexts), AnonymousAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> ProblemResponses.unauthorized(response,
						"invalid_request", "Send a personal API token as 'Authorization: Bearer <token>'."))
				.accessDeniedHandler((request, response, ex) -> ProblemResponses.forbidden(response,
						"Your role does not allow this request.")));
	}

}
