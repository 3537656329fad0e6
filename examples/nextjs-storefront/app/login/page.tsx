import { ActionForm } from "@/components/ActionForm"
import { login } from "@/app/actions"

export default async function Login({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>
}) {
  const { next } = await searchParams
  return (
    <>
      <h1>Log in</h1>
      <ActionForm action={login} submit="Log in" testId="login-form">
        <input type="hidden" name="next" value={next ?? "/account"} />
        <label>
          Email
          <input type="email" name="email" required autoComplete="email" />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            required
            autoComplete="current-password"
          />
        </label>
      </ActionForm>

      <details className="step">
        <summary>New here? Create an account</summary>
        <ActionForm
          action={login}
          submit="Create account"
          testId="register-form"
        >
          <input type="hidden" name="register" value="1" />
          <input type="hidden" name="next" value={next ?? "/account"} />
          <div className="row">
            <label>
              First name
              <input name="first_name" autoComplete="given-name" />
            </label>
            <label>
              Last name
              <input name="last_name" autoComplete="family-name" />
            </label>
          </div>
          <label>
            Email
            <input type="email" name="email" required autoComplete="email" />
          </label>
          <label>
            Password
            <input
              type="password"
              name="password"
              required
              minLength={8}
              autoComplete="new-password"
            />
          </label>
        </ActionForm>
      </details>
    </>
  )
}
