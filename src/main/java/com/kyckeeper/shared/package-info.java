/** Shared kernel: business clock and the problem types every module may raise. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.kyckeeper.shared;
