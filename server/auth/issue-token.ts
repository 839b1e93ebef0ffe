/**
 * Prints an identity token signed with yishi's HS256 secret (the development issuer's, or AUTH_JWT_SECRET),
 * e.g. for the admin feedback page on the embedded default:
 *   npm run token -- admin [subject]
 * In production the portal issues tokens; this is for development and operators holding the secret.
 */
import { loadConfig } from '../config.ts';
import { Auth, Role } from './auth.ts';

const [role = 'admin', subject = `dev-${role}`] = process.argv.slice(2);
const parsed = Role.safeParse(role);
if (!parsed.success) {
  console.error(`unknown role ${role}; one of ${Role.options.join(', ')}`);
  process.exit(2);
}
const token = await Auth.fromConfig(loadConfig()).issue(subject, [parsed.data]);
console.log(token);
