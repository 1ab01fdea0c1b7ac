# Rolegate connection c0a8012e-china: 北京 exports
# Run with credentials of AWS account 111122223333.

cat > trust-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws-cn:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-chinacase44444444444444444444444"
      }
    }
  }
}
EOF

cat > permission-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws-cn:s3:::acme-cn-data",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "raw/*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws-cn:s3:::acme-cn-data/raw/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws-cn:s3:::acme-cn-data"
  }, {
    "Sid" : "DecryptViaS3CnNorth1",
    "Effect" : "Allow",
    "Action" : "kms:Decrypt",
    "Resource" : "arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "Condition" : {
      "StringEquals" : {
        "kms:ViaService" : "s3.cn-north-1.amazonaws.com.cn"
      }
    }
  } ]
}
EOF

aws iam create-role --region cn-north-1 --role-name rolegate-c0a8012e-china \
  --assume-role-policy-document file://trust-policy.json \
  --max-session-duration 3600 \
  --description "Read access for Rolegate connection c0a8012e-china"

aws iam put-role-policy --region cn-north-1 --role-name rolegate-c0a8012e-china \
  --policy-name rolegate-read \
  --policy-document file://permission-policy.json

aws iam get-role --region cn-north-1 --role-name rolegate-c0a8012e-china --query Role.Arn --output text
