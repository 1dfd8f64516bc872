/** The web UI (Thymeleaf) for counter staff and supervisors, over the public module APIs only. */
package com.kyckeeper.ui;
