/**
 * The hospital desk (工会+医院): the union offices' partner hospitals (合作医院), the eligibility API their discharge
 * desks call in FHIR R4 ({@code CoverageEligibilityRequest} → yes/no per item and what to claim, nothing more) and the
 * printable 申领提示牌 whose QR code opens the member app's claim filing with the hospital filled in.
 * Front door: {@link org.huzhu.hospitals.Hospitals}.
 */
package org.huzhu.hospitals;
