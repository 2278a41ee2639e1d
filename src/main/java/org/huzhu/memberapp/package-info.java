/**
 * The member app (掌上办): a phone-first web app at {@code /m/} for workers, beside the staff console. Its
 * front door is signing in by mobile number and a texted one-time code ({@code SignInCodes}); the first
 * sign-in binds the number to the worker's registration by name and ID number ({@code PhoneBindings}) and
 * every sign-in starts an app session of the member's account ({@code MemberSessions}). Everything else the
 * app shows comes from the ordinary {@code /api/v1} endpoints, as the worker's own.
 */
package org.huzhu.memberapp;
