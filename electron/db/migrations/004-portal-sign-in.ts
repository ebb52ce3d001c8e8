/** Client users sign in to the built-in portal with the password they chose through their invitation. */
export default `
ALTER TABLE client_users ADD COLUMN password_hash TEXT;
`;
