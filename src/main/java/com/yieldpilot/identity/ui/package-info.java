/** Identity's screens: the user's API tokens and, for admins, the audit log. */
@NullMarked
package com.yieldpilot.identity.ui;

import org.jspecify.annotations.NullMarked;
