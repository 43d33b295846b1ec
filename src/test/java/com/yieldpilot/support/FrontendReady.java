package com.yieldpilot.support;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import com.vaadin.base.devserver.DevBundleBuildingHandler;
import com.vaadin.flow.internal.DevModeHandlerManager;
import com.vaadin.flow.server.VaadinServletContext;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Holds every application started in the test JVM until Vaadin's development bundle is
 * ready, so it counts as started only then.
 * <p>
 * In development mode Vaadin checks the bundle in the background at start-up and, when
 * the frontend changed (a fresh clone, a new npm package, an edited component), runs npm
 * and Vite to build it, serving a "building" page meanwhile. Without this wait a browser
 * test would meet that page, and a second application started meanwhile would start a
 * second build in the same folder. Registered for all test applications in
 * {@code META-INF/spring.factories}.
 */
public final class FrontendReady implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(FrontendReady.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebApplicationContext web)) {
			return;
		}
		ServletContext servletContext = web.getServletContext();
		if (servletContext == null) {
			return;
		}
		DevModeHandlerManager.getDevModeHandler(new VaadinServletContext(servletContext))
			.filter(DevBundleBuildingHandler.class::isInstance)
			.map(DevBundleBuildingHandler.class::cast)
			.ifPresent(FrontendReady::await);
	}

	private static void await(DevBundleBuildingHandler bundle) {
		long started = System.nanoTime();
		try {
			bundle.waitForDevBundle();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("Vaadin could not build its development bundle (npm and Vite): "
					+ "see the log above. It needs Node 24 and npm 11.3 or newer on the PATH.", ex);
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		if (waited.toSeconds() >= 1) {
			log.info("Waited {} s for Vaadin's development bundle", waited.toSeconds());
		}
	}

}
