-- Sessions stored before this version hold the signed-in account's password hash in their security context (issue 14);
-- the new principal carries none. Everyone signs in again once.
delete from spring_session_attributes;
delete from spring_session;
