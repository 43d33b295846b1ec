/**
 * Value types every module speaks: pool ids and the like. No services, no Spring, no
 * dependencies on other modules.
 */
@NullMarked
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package com.yieldpilot.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
