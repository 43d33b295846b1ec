/**
 * The Vaadin shell: the app layout with navigation built from {@code @Menu} entries, the
 * user menu (API tokens, colour scheme, log-out), the log-in view, the dashboard and the
 * browser security chain. Views of other modules appear in its navigation without
 * importing it.
 */
@NullMarked
@ApplicationModule(displayName = "Shell")
package com.yieldpilot.shell;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
