export { createUser } from "./create-user";
export { findUserByEmail } from "./find-user-by-email";
export { hashPassword, verifyPassword } from "./password";
export type { NewUser, User, UserRecord } from "./user";
