/** HTTP endpoints of the security module: user administration under /api/v1/admin/users. */
package com.kyckeeper.security.web;
