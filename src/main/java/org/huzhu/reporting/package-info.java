/**
 * Reporting (统计报表, issue 17): yearly targets that each union office sets for the offices directly below it, the
 * dashboards of an office's part of the tree (enrolment against target, claims and their working days, money, the loss
 * ratio, league tables, drill-down to the lists behind a figure) and the monthly and yearly statistical reports kept as
 * XLSX and PDF. Figures come from the owning modules' statistics front doors into rollups of the schema
 * {@code reporting}, replaced every 30 seconds off the request path ({@link org.huzhu.reporting.Rollups}); a
 * dashboard reads only the rollups. Front doors: {@link org.huzhu.reporting.Dashboards}, {@link org.huzhu.reporting.Targets}.
 */
package org.huzhu.reporting;
