/** The addresses around one motion's printed pages, from the route's params. */
export function motionPaths(params: Readonly<Record<string, string | undefined>>) {
  const community = encodeURIComponent(params.community ?? '');
  const motionId = params.motion ?? '';
  const motion = encodeURIComponent(motionId);
  return {
    motionId,
    motion: `/c/${community}/organizer/motions/${motion}`,
    notice: `/c/${community}/organizer/motions/${motion}/notice`,
    ballots: `/c/${community}/organizer/motions/${motion}/ballots`,
    /** The public result page the notice's QR code opens (see the result route). */
    result: `/c/${community}/motions/${motion}/result`,
  };
}
