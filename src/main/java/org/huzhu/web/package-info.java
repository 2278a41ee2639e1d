/**
 * The browser console: a static, Chinese-first single page (HTML, CSS and plain JavaScript under
 * {@code static/}, no build step) that logs in with the form at {@code /login} and then talks only
 * to the public {@code /api/v1} endpoints. This module serves the two pages and knows nothing of
 * the other modules' insides.
 */
package org.huzhu.web;
