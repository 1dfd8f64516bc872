/** Users, roles, authentication and the current actor. Deny by default. */
package com.kyckeeper.security;
