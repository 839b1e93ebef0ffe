/**
 * Prints an identity token signed with yishi's HS256 secret (the development issuer's, or AUTH_JWT_SECRET):
 *   npm run token -- admin [subject]
 *   npm run token -- citizen <subject> <ID number>   (a demo citizen of the sandbox exchange)
 * In production the portal issues tokens; this is for development and operators holding the secret.
 */
import { loadConfig } from '../config.ts';
import { Auth, Role } from './auth.ts';

const [role = 'admin', subject = `dev-${role}`, idNumber] = process.argv.slice(2);
const parsed = Role.safeParse(role);
if (!parsed.success) {
  console.error(`unknown role ${role}; one of ${Role.options.join(', ')}`);
  process.exit(2);
}
const token = await Auth.fromConfig(loadConfig()).issue(subject, [parsed.data], '8h', idNumber);
console.log(token);
