package com.yieldpilot.platform;

/**
 * A {@link Command} that needs no application: no database, no Spring context. Such
 * commands are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/com.yieldpilot.platform.StandaloneCommand}) and run before
 * anything starts, so an offline computation such as {@code risk score-history} starts in
 * a second and touches nothing. Implementations need a public no-argument constructor.
 */
public interface StandaloneCommand extends Command {

}
