/** Shared kernel: business clock, the problem types every module may raise, the value-free failure log. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.kyckeeper.shared;
